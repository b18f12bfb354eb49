package id.ossgateway.mapping;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Reads values of a source record the same way whatever the source: case-insensitive names, plain text. */
final class SourceValues {

    private SourceValues() {
    }

    static Object get(Map<String, Object> record, String name) {
        Object v = record.get(name);
        if (v == null && !record.containsKey(name)) {
            v = record.get(name.toLowerCase(Locale.ROOT));
        }
        return v;
    }

    static String text(Object value) {
        if (value instanceof BigDecimal d) {
            return d.stripTrailingZeros().toPlainString();
        }
        if (value instanceof Double d && Double.isFinite(d)) {
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        if (value instanceof LocalDateTime t) {
            return LegacyDates.PIA_DATE_TIME.format(t);
        }
        if (value instanceof LocalDate d) {
            return LegacyDates.PIA_DATE.format(d);
        }
        return String.valueOf(value);
    }

    /**
     * The record as JSONata sees it: names in lower case, dates as PIA text, numbers as numbers, so that
     * {@code status = 'TERBIT'} and {@code tgl_update > '2024-01-01'} read naturally.
     */
    private static final com.fasterxml.jackson.databind.ObjectMapper PLAIN = new com.fasterxml.jackson.databind.ObjectMapper();

    static Map<String, Object> forExpressions(Map<String, Object> record) {
        Map<String, Object> input = new LinkedHashMap<>();
        record.forEach((k, v) -> {
            Object value = v;
            if (v instanceof TemporalAccessor) {
                value = text(v);
            } else if (v instanceof BigDecimal d) {
                value = d.doubleValue();
            } else if (v instanceof String s) {
                value = s.strip();
            } else if (v instanceof com.fasterxml.jackson.databind.JsonNode n) {
                // nested JSON from a file drop, push or pull: JSONata navigates plain maps and lists
                value = PLAIN.convertValue(n, Object.class);
            }
            input.put(k.toLowerCase(Locale.ROOT), value);
        });
        return input;
    }
}
