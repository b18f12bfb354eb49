package id.ossgateway.mapping;

import id.ossgateway.pia.PiaMethod;
import id.ossgateway.pia.PiaSchemas;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a mapping file. Works on SnakeYAML's node tree rather than on plain maps so that every error can
 * name the line it is on; checks every target field against the PIA schema of its method, every lookup
 * against the tables, and parses every expression, so that a broken file is refused as a whole.
 */
public final class MappingLoader {

    private static final Set<String> FIELD_KEYS = Set.of("source", "value", "expr", "trim", "case", "lookup",
            "date", "output", "pad", "pad_char", "default", "type");
    private static final Set<String> TOP_KEYS = Set.of("system", "opd", "routing", "documents", "lookups",
            "description");

    private MappingLoader() {
    }

    public static Mapping load(Path file) {
        try {
            return parse(file, Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new MappingException(file, 0, null, "cannot read: " + e.getMessage());
        }
    }

    public static Mapping parse(Path file, String text) {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
        } catch (RuntimeException e) {
            int line = e instanceof org.yaml.snakeyaml.error.MarkedYAMLException m && m.getProblemMark() != null
                    ? m.getProblemMark().getLine() + 1 : 0;
            throw new MappingException(file, line, null, "not valid YAML: " + e.getMessage());
        }
        if (!(root instanceof MappingNode top)) {
            throw new MappingException(file, 1, null, "expected a mapping with system, opd, routing, documents");
        }
        Reader r = new Reader(file);
        Map<String, Node> entries = r.entries(top, TOP_KEYS);
        String system = r.scalar(entries, "system", top, true);
        // one OPD code everywhere: the registry says dinkes, a mapping may say DINKES
        String opd = id.ossgateway.envelope.OpdCode.normalise(r.scalar(entries, "opd", top, true));
        Map<String, Map<String, String>> lookups = entries.containsKey("lookups")
                ? r.lookups(entries.get("lookups")) : Map.of();
        Map<PiaMethod, List<FieldSpec>> documents = r.documents(entries.get("documents"), top, lookups);
        List<Mapping.Rule> rules = r.rules(entries.get("routing"), top, documents);
        return new Mapping(system, opd, system + "@" + sha8(text), file, rules, documents, lookups);
    }

    private static String sha8(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Node-tree helpers that know the file, for errors. */
    private record Reader(Path file) {

        MappingException error(Node at, String field, String problem) {
            return new MappingException(file, at == null ? 0 : at.getStartMark().getLine() + 1, field, problem);
        }

        Map<String, Node> entries(Node node, Set<String> allowed) {
            if (!(node instanceof MappingNode map)) {
                throw error(node, null, "expected key: value pairs");
            }
            Map<String, Node> entries = new LinkedHashMap<>();
            for (NodeTuple t : map.getValue()) {
                String key = text(t.getKeyNode(), null);
                if (allowed != null && !allowed.contains(key)) {
                    throw error(t.getKeyNode(), key, "unknown key '" + key + "'; allowed: " + allowed);
                }
                entries.put(key, t.getValueNode());
            }
            return entries;
        }

        String text(Node node, String field) {
            if (!(node instanceof ScalarNode s)) {
                throw error(node, field, "expected a single value");
            }
            return s.getValue();
        }

        String scalar(Map<String, Node> entries, String key, Node parent, boolean required) {
            Node n = entries.get(key);
            if (n == null) {
                if (required) {
                    throw error(parent, key, "'" + key + "' is missing");
                }
                return null;
            }
            String v = text(n, key);
            if (required && v.isBlank()) {
                throw error(n, key, "'" + key + "' is empty");
            }
            return v;
        }

        Map<String, Map<String, String>> lookups(Node node) {
            Map<String, Map<String, String>> tables = new LinkedHashMap<>();
            entries(node, null).forEach((name, table) -> {
                Map<String, String> values = new LinkedHashMap<>();
                entries(table, null).forEach((from, to) -> values.put(from.trim().toUpperCase(java.util.Locale.ROOT), text(to, name)));
                tables.put(name, Map.copyOf(values));
            });
            return Map.copyOf(tables);
        }

        Map<PiaMethod, List<FieldSpec>> documents(Node node, Node parent, Map<String, Map<String, String>> lookups) {
            if (node == null) {
                throw error(parent, "documents", "'documents' is missing");
            }
            Map<PiaMethod, List<FieldSpec>> documents = new LinkedHashMap<>();
            entries(node, null);
            for (NodeTuple doc : ((MappingNode) node).getValue()) {
                String name = text(doc.getKeyNode(), null);
                PiaMethod method = PiaMethod.fromPath(name).filter(PiaMethod::isDocument)
                        .orElseThrow(() -> error(doc.getKeyNode(), name, "unknown PIA method '" + name
                                + "'; use receiveLicenseStatus, receiveLicense or updateLicense"));
                if (!(doc.getValueNode() instanceof MappingNode fieldNodes)) {
                    throw error(doc.getKeyNode(), name, "expected key: value pairs (target: source)");
                }
                Set<String> known = PiaSchemas.fieldNames(method);
                List<FieldSpec> fields = new ArrayList<>();
                Set<String> seenTargets = new java.util.HashSet<>();
                for (NodeTuple t : fieldNodes.getValue()) {
                    String target = text(t.getKeyNode(), name);
                    if (!seenTargets.add(target)) {
                        throw error(t.getKeyNode(), target, "'" + target + "' is mapped twice");
                    }
                    if (!known.contains(target)) {
                        throw error(t.getKeyNode(), target, "'" + target + "' is not a field of "
                                + method.wrapper() + " (" + method.path() + ")");
                    }
                    fields.add(field(target, t.getValueNode(), lookups));
                }
                documents.put(method, List.copyOf(fields));
            }
            return Map.copyOf(documents);
        }

        FieldSpec field(String target, Node node, Map<String, Map<String, String>> lookups) {
            int line = node.getStartMark().getLine() + 1;
            if (node instanceof ScalarNode s) { // shorthand: "nib: kolom_nib" means source kolom_nib
                return new FieldSpec(target, line, s.getValue(), null, null, true, null, null, List.of(), null, 0,
                        ' ', null, "string");
            }
            Map<String, Node> e = entries(node, FIELD_KEYS);
            String source = scalar(e, "source", node, false);
            String value = scalar(e, "value", node, false);
            String exprText = scalar(e, "expr", node, false);
            int origins = (source == null ? 0 : 1) + (value == null ? 0 : 1) + (exprText == null ? 0 : 1);
            String dflt = scalar(e, "default", node, false);
            if (origins > 1 || (origins == 0 && dflt == null)) {
                throw error(node, target, "give exactly one of source, value or expr (or only a default)");
            }
            Expression expr = null;
            if (exprText != null) {
                try {
                    expr = Expression.parse(exprText);
                } catch (RuntimeException ex) {
                    throw error(e.get("expr"), target, "expression does not parse: " + ex.getMessage());
                }
            }
            String lookup = scalar(e, "lookup", node, false);
            if (lookup != null && !lookups.containsKey(lookup)) {
                throw error(e.get("lookup"), target, "no lookup table '" + lookup + "' in 'lookups'");
            }
            String letterCase = scalar(e, "case", node, false);
            if (letterCase != null && !Set.of("upper", "lower").contains(letterCase)) {
                throw error(e.get("case"), target, "case must be upper or lower");
            }
            List<String> dates = dateFormats(e.get("date"), target);
            String output = scalar(e, "output", node, false);
            if (output == null && !dates.isEmpty()) {
                output = target.startsWith("tgl_status") ? "datetime" : "date";
            }
            if (output != null && !Set.of("date", "datetime").contains(output)) {
                throw error(e.get("output"), target, "output must be date or datetime");
            }
            String type = scalar(e, "type", node, false);
            type = type == null ? "string" : type;
            if (!Set.of("string", "number", "boolean").contains(type)) {
                throw error(e.get("type"), target, "type must be string, number or boolean");
            }
            String trim = scalar(e, "trim", node, false);
            String padChar = scalar(e, "pad_char", node, false);
            return new FieldSpec(target, line, source, value, expr, trim == null || Boolean.parseBoolean(trim),
                    letterCase, lookup, dates, output, integer(e, "pad", target),
                    padChar == null || padChar.isEmpty() ? '0' : padChar.charAt(0), dflt, type);
        }

        private List<String> dateFormats(Node node, String target) {
            if (node == null) {
                return List.of();
            }
            List<String> patterns = new ArrayList<>();
            if (node instanceof SequenceNode seq) {
                seq.getValue().forEach(n -> patterns.add(text(n, target)));
            } else {
                patterns.add(text(node, target));
            }
            for (String p : patterns) {
                try {
                    LegacyDates.formatter(p);
                } catch (IllegalArgumentException ex) {
                    throw error(node, target, "bad date pattern '" + p + "': " + ex.getMessage());
                }
            }
            return List.copyOf(patterns);
        }

        private int integer(Map<String, Node> e, String key, String target) {
            Node n = e.get(key);
            if (n == null) {
                return 0;
            }
            try {
                return Integer.parseInt(text(n, target));
            } catch (NumberFormatException ex) {
                throw error(n, target, key + " must be a whole number");
            }
        }

        List<Mapping.Rule> rules(Node node, Node parent, Map<PiaMethod, List<FieldSpec>> documents) {
            if (!(node instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
                throw error(node == null ? parent : node, "routing",
                        "'routing' must list at least one rule (when/method or when/skip)");
            }
            List<Mapping.Rule> rules = new ArrayList<>();
            for (Node item : seq.getValue()) {
                Map<String, Node> e = entries(item, Set.of("when", "method", "skip"));
                String when = scalar(e, "when", item, false);
                String method = scalar(e, "method", item, false);
                String skip = scalar(e, "skip", item, false);
                if ((method == null) == (skip == null)) {
                    throw error(item, "routing", "a rule has either a method or a skip reason");
                }
                PiaMethod m = null;
                if (method != null) {
                    m = PiaMethod.fromPath(method).filter(documents::containsKey).orElseThrow(() -> error(
                            e.get("method"), "routing", "method '" + method + "' has no document under 'documents'"));
                }
                Expression condition = null;
                if (when != null) {
                    try {
                        condition = Expression.parse(when);
                    } catch (RuntimeException ex) {
                        throw error(e.get("when"), "routing", "condition does not parse: " + ex.getMessage());
                    }
                }
                rules.add(new Mapping.Rule(condition, m, skip, item.getStartMark().getLine() + 1));
            }
            return List.copyOf(rules);
        }
    }
}
