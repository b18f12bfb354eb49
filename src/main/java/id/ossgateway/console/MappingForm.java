package id.ossgateway.console;

import id.ossgateway.pia.PiaMethod;
import id.ossgateway.pia.PiaSchemas;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;

/**
 * The mapping editor's form and the YAML text it stands for. The form shows, per PIA field, where its value comes
 * from (a source column, a JSONata expression or a constant) and each lookup table as rows; posting it applies
 * those choices to the text it was built from, keeping every other option of a field (lookup, date, default…)
 * and the routing as they were. Parameters: {@code f.<method>.<field>.mode|value}, {@code lk.<table>.<i>.from|to}.
 */
final class MappingForm {

    enum Mode { NONE, COLUMN, EXPR, VALUE }

    /** One PIA field of a document as the form shows it. */
    record Field(String method, String target, boolean required, Mode mode, String value, String options) {
    }

    /** One row of a lookup table. */
    record LookupRow(String from, String to) {
    }

    private MappingForm() {
    }

    /** The form's rows for a mapping text: every field of each document it has, mapped ones first. */
    @SuppressWarnings("unchecked")
    static List<Field> fields(String yaml) {
        Map<String, Object> root = load(yaml);
        Map<String, Object> documents = map(root.get("documents"));
        List<Field> out = new ArrayList<>();
        documents.forEach((method, doc) -> PiaMethod.fromPath(method).ifPresent(m -> {
            Map<String, Object> specs = map(doc);
            List<String> required = required(m);
            List<Field> unmapped = new ArrayList<>();
            for (String target : PiaSchemas.fieldNames(m)) {
                Object spec = specs.get(target);
                Field f = field(method, target, required.contains(target), spec);
                (spec == null ? unmapped : out).add(f);
            }
            out.addAll(unmapped);
        }));
        return out;
    }

    /** Lookup tables by name, each as rows. */
    static Map<String, List<LookupRow>> lookups(String yaml) {
        Map<String, List<LookupRow>> out = new TreeMap<>();
        map(load(yaml).get("lookups")).forEach((name, table) -> {
            List<LookupRow> rows = new ArrayList<>();
            map(table).forEach((from, to) -> rows.add(new LookupRow(from, String.valueOf(to))));
            out.put(name, rows);
        });
        return out;
    }

    /** The text with the form's choices applied. */
    static String apply(String yaml, Map<String, String> params) {
        Map<String, Object> root = load(yaml);
        Map<String, Object> documents = map(root.get("documents"));
        params.forEach((name, mode) -> {
            String[] p = name.split("\\.");
            if (p.length == 4 && p[0].equals("f") && p[3].equals("mode") && documents.containsKey(p[1])) {
                Map<String, Object> doc = map(documents.get(p[1]));
                String value = params.getOrDefault("f." + p[1] + "." + p[2] + ".value", "").strip();
                put(doc, p[2], Mode.valueOf(mode), value);
                documents.put(p[1], doc);
            }
        });
        root.put("documents", documents);
        Map<String, Object> lookups = map(root.get("lookups"));
        for (String table : new ArrayList<>(lookups.keySet())) {
            Map<String, Object> rows = new LinkedHashMap<>();
            for (int i = 0; params.containsKey("lk." + table + "." + i + ".from"); i++) {
                String from = params.get("lk." + table + "." + i + ".from").strip();
                String to = params.getOrDefault("lk." + table + "." + i + ".to", "").strip();
                if (!from.isEmpty() && !to.isEmpty()) {
                    rows.put(from, to);
                }
            }
            if (params.containsKey("lk." + table + ".0.from")) {
                lookups.put(table, rows);
            }
        }
        if (!lookups.isEmpty()) {
            root.put("lookups", lookups);
        }
        return dump(root);
    }

    private static void put(Map<String, Object> doc, String target, Mode mode, String value) {
        Object before = doc.get(target);
        if (mode == Mode.NONE || value.isEmpty()) {
            if (mode == Mode.NONE || !(before instanceof Map<?, ?> m && m.containsKey("default"))) {
                doc.remove(target);
                return;
            }
        }
        Map<String, Object> options = new LinkedHashMap<>(map(before));
        options.remove("source");
        options.remove("value");
        options.remove("expr");
        if (mode == Mode.COLUMN && options.isEmpty()) {
            doc.put(target, value); // the shorthand: "nib: kolom_nib"
            return;
        }
        Map<String, Object> spec = new LinkedHashMap<>();
        if (!value.isEmpty()) {
            spec.put(switch (mode) {
                case COLUMN -> "source";
                case EXPR -> "expr";
                default -> "value";
            }, value);
        }
        spec.putAll(options);
        doc.put(target, spec);
    }

    private static Field field(String method, String target, boolean required, Object spec) {
        if (spec == null) {
            return new Field(method, target, required, Mode.NONE, "", "");
        }
        if (!(spec instanceof Map<?, ?>)) {
            return new Field(method, target, required, Mode.COLUMN, String.valueOf(spec), "");
        }
        Map<String, Object> m = map(spec);
        Mode mode = m.containsKey("source") ? Mode.COLUMN : m.containsKey("expr") ? Mode.EXPR
                : m.containsKey("value") ? Mode.VALUE : Mode.NONE;
        Object value = m.getOrDefault("source", m.getOrDefault("expr", m.getOrDefault("value", "")));
        Map<String, Object> options = new LinkedHashMap<>(m);
        options.keySet().removeAll(List.of("source", "expr", "value"));
        return new Field(method, target, required, mode, String.valueOf(value),
                options.isEmpty() ? "" : options.toString().replaceAll("^\\{|}$", ""));
    }

    private static List<String> required(PiaMethod method) {
        List<String> out = new ArrayList<>();
        PiaSchemas.published().schema(method).path("properties").path(method.wrapper()).path("required")
                .forEach(n -> out.add(n.asText()));
        return out;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? new LinkedHashMap<>((Map<String, Object>) m) : new LinkedHashMap<>();
    }

    static Map<String, Object> load(String yaml) {
        Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml == null ? "" : yaml);
        return map(root);
    }

    static String dump(Map<String, Object> root) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setWidth(120);
        return new Yaml(new Representer(options), options).dump(root);
    }
}
