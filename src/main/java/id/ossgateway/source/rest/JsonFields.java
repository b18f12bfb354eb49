package id.ossgateway.source.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One JSON record as flat fields, the way the SQL source gives a row: names in lower case, nested objects
 * flattened to {@code parent_child} (an API's {@code "pemohon": {"nib": …}} becomes {@code pemohon_nib}), arrays
 * as their JSON text, numbers as Long or BigDecimal. Mappings work on flat scalar values; a nested JSON value
 * would make their expressions fail.
 */
final class JsonFields {

    private JsonFields() {
    }

    static Map<String, Object> of(ObjectNode record) {
        Map<String, Object> fields = new LinkedHashMap<>();
        flatten("", record, fields);
        return fields;
    }

    private static void flatten(String prefix, ObjectNode node, Map<String, Object> fields) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = prefix + e.getKey().strip().toLowerCase(Locale.ROOT);
            JsonNode v = e.getValue();
            if (v instanceof ObjectNode object) {
                flatten(name + "_", object, fields);
            } else {
                fields.putIfAbsent(name, scalar(v));
            }
        }
    }

    private static Object scalar(JsonNode v) {
        if (v.isNull() || v.isMissingNode()) {
            return null;
        }
        if (v.isTextual()) {
            return v.asText();
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return v.asLong();
        }
        if (v.isNumber()) {
            return v.decimalValue();
        }
        return v.toString(); // an array: its JSON text
    }
}
