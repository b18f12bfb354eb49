package id.ossgateway.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.ossgateway.pia.PiaMethod;
import id.ossgateway.pia.PiaSchemas;
import id.ossgateway.pia.Violation;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Applies a mapping to one source record: picks the PIA method, fills every field, and validates the
 * result against the PIA schema. Never throws for bad data: every problem becomes a violation naming
 * the field, so the record can be rejected with all its reasons at once.
 */
public final class Mapper {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PiaSchemas schemas;
    private final ZoneId zone;

    public Mapper(PiaSchemas schemas, ZoneId zone) {
        this.schemas = schemas;
        this.zone = zone;
    }

    public MappingResult apply(Mapping mapping, Map<String, Object> record) {
        Map<String, Object> input = SourceValues.forExpressions(record);
        Mapping.Rule rule;
        try {
            rule = mapping.rules().stream().filter(r -> r.when() == null || r.when().test(input)).findFirst()
                    .orElse(null);
        } catch (RuntimeException e) {
            return new MappingResult.Rejected(null, List.of(new Violation("routing", "expression",
                    "routing condition failed (" + e.getClass().getSimpleName() + ")")), mapping.version());
        }
        if (rule == null) {
            return new MappingResult.Skipped("no routing rule matches", mapping.version());
        }
        if (rule.skip() != null) {
            return new MappingResult.Skipped(rule.skip(), mapping.version());
        }
        PiaMethod method = rule.method();
        List<Violation> violations = new ArrayList<>();
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        for (FieldSpec spec : mapping.documents().get(method)) {
            try {
                JsonNode value = value(spec, record, input, mapping, violations);
                if (value != null) {
                    put(fields, spec.target(), value);
                }
            } catch (RuntimeException e) {
                violations.add(new Violation(spec.target(), "mapping", "cannot be computed (" + e.getClass().getSimpleName() + ")"));
            }
        }
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        document.set(method.wrapper(), fields);
        violations.addAll(schemas.validate(method, document));
        if (!violations.isEmpty()) {
            return new MappingResult.Rejected(method, dedupe(violations), mapping.version());
        }
        return new MappingResult.Mapped(method, document, mapping.version());
    }

    private JsonNode value(FieldSpec spec, Map<String, Object> record, Map<String, Object> input, Mapping mapping,
                           List<Violation> violations) {
        Object raw;
        if (spec.value() != null) {
            raw = spec.value();
        } else if (spec.expr() != null) {
            raw = spec.expr().evaluate(input);
        } else if (spec.source() != null) {
            raw = SourceValues.get(record, spec.source());
        } else {
            raw = null;
        }
        if (raw instanceof String s && spec.trim()) {
            raw = s.strip();
        }
        if (raw instanceof String s && spec.letterCase() != null) {
            raw = "upper".equals(spec.letterCase()) ? s.toUpperCase(Locale.ROOT) : s.toLowerCase(Locale.ROOT);
        }
        if (isBlank(raw)) {
            raw = spec.defaultValue();
        }
        if (raw == null) {
            return null;
        }
        if (spec.lookup() != null) {
            String key = SourceValues.text(raw).strip().toUpperCase(Locale.ROOT);
            String translated = mapping.lookups().get(spec.lookup()).get(key);
            if (translated == null) {
                violations.add(new Violation(spec.target(), "lookup", "value is not in lookup table '"
                        + spec.lookup() + "'"));
                return null;
            }
            raw = translated;
        }
        if (!spec.dateFormats().isEmpty() || spec.dateOutput() != null) {
            String date = LegacyDates.convert(raw, spec.dateFormats(), "datetime".equals(spec.dateOutput()), zone);
            if (date == null) {
                violations.add(new Violation(spec.target(), "date", "is not a real date in "
                        + String.join(" or ", spec.dateFormats())));
                return null;
            }
            raw = date;
        }
        if (!(raw instanceof CharSequence || raw instanceof Number || raw instanceof Boolean
                || raw instanceof java.time.temporal.TemporalAccessor || raw instanceof JsonNode)) {
            violations.add(new Violation(spec.target(), "type", "is a " + raw.getClass().getSimpleName()
                    + ", not text, a number or a date"));
            return null;
        }
        String text = SourceValues.text(raw);
        if (spec.pad() > 0 && text.length() < spec.pad()) {
            text = String.valueOf(spec.padChar()).repeat(spec.pad() - text.length()) + text;
        }
        return switch (spec.type()) {
            case "number" -> number(spec, text, violations);
            case "boolean" -> bool(spec, text, violations);
            default -> raw instanceof JsonNode n && !n.isValueNode() ? n : JsonNodeFactory.instance.textNode(text);
        };
    }

    private static JsonNode number(FieldSpec spec, String text, List<Violation> violations) {
        try {
            return JsonNodeFactory.instance.numberNode(new BigDecimal(text.replace(",", ".")));
        } catch (NumberFormatException e) {
            violations.add(new Violation(spec.target(), "type", "is not a number"));
            return null;
        }
    }

    private static JsonNode bool(FieldSpec spec, String text, List<Violation> violations) {
        String t = text.toLowerCase(Locale.ROOT);
        if (List.of("true", "1", "y", "ya", "yes").contains(t)) {
            return JsonNodeFactory.instance.booleanNode(true);
        }
        if (List.of("false", "0", "n", "tidak", "no").contains(t)) {
            return JsonNodeFactory.instance.booleanNode(false);
        }
        violations.add(new Violation(spec.target(), "type", "is not a boolean (Y/N, 1/0, true/false)"));
        return null;
    }

    private static boolean isBlank(Object raw) {
        return raw == null || (raw instanceof String s && s.isBlank());
    }

    private static void put(ObjectNode fields, String target, JsonNode value) {
        int dot = target.indexOf('.');
        if (dot < 0) {
            fields.set(target, value);
        } else {
            ObjectNode parent = fields.has(target.substring(0, dot))
                    ? (ObjectNode) fields.get(target.substring(0, dot)) : fields.putObject(target.substring(0, dot));
            parent.set(target.substring(dot + 1), value);
        }
    }

    /** A field the mapping already complained about need not be reported again as "required". */
    private static List<Violation> dedupe(List<Violation> violations) {
        List<Violation> out = new ArrayList<>();
        for (Violation v : violations) {
            boolean shadowed = "required".equals(v.rule())
                    && out.stream().anyMatch(o -> o.field().equals(v.field()));
            if (!shadowed) {
                out.add(v);
            }
        }
        return out;
    }

    static ObjectMapper json() {
        return JSON;
    }
}
