package id.ossgateway.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Source records as JSON that reads back into the same Java types: a replayed reject must meet the mapping
 * exactly as the original read did (a JDBC timestamp, not its text), or date conversions would differ.
 * Types other than text, whole numbers and booleans are noted in {@code _types}.
 */
public final class RecordCodec {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String TYPES = "_types";

    private RecordCodec() {
    }

    public static String write(Map<String, Object> fields) {
        ObjectNode out = JSON.createObjectNode();
        ObjectNode types = JSON.createObjectNode();
        fields.forEach((k, v) -> {
            if (v == null) {
                out.putNull(k);
            } else if (v instanceof String s) {
                out.put(k, s);
            } else if (v instanceof Boolean b) {
                out.put(k, b);
            } else if (v instanceof Integer || v instanceof Long || v instanceof Short) {
                out.put(k, ((Number) v).longValue());
            } else if (v instanceof Number n) {
                out.put(k, new BigDecimal(n.toString()).toPlainString());
                types.put(k, "decimal");
            } else if (v instanceof LocalDateTime || v instanceof LocalDate || v instanceof OffsetDateTime) {
                out.put(k, v.toString());
                types.put(k, v.getClass().getSimpleName());
            } else if (v instanceof JsonNode n) {
                out.set(k, n);
            } else {
                out.put(k, v.toString());
            }
        });
        if (!types.isEmpty()) {
            out.set(TYPES, types);
        }
        return out.toString();
    }

    public static Map<String, Object> read(String json) {
        try {
            return read((ObjectNode) JSON.readTree(json));
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalArgumentException("not a stored record: " + e.getMessage(), e);
        }
    }

    public static Map<String, Object> read(ObjectNode node) {
        JsonNode types = node.path(TYPES);
        Map<String, Object> fields = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals(TYPES)) {
                continue;
            }
            JsonNode v = e.getValue();
            String type = types.path(e.getKey()).asText("");
            fields.put(e.getKey(), switch (type) {
                case "decimal" -> new BigDecimal(v.asText());
                case "LocalDateTime" -> LocalDateTime.parse(v.asText());
                case "LocalDate" -> LocalDate.parse(v.asText());
                case "OffsetDateTime" -> OffsetDateTime.parse(v.asText());
                default -> v.isNull() ? null : v.isTextual() ? v.asText() : v.isIntegralNumber() ? (Object) v.asLong()
                        : v.isBoolean() ? (Object) v.asBoolean() : v.isNumber() ? v.decimalValue() : v;
            });
        }
        return fields;
    }
}
