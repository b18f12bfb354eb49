package id.ossgateway.source;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;

/**
 * Where a polled source stands: the watermark value of the last row on the queue and its tie-breaker key.
 * Values keep their SQL kind so they can be bound back into the legacy query as what they are (a
 * PostgreSQL integer column cannot be compared with a text parameter).
 */
public record SourcePosition(Value watermark, Value tieKey) {

    public enum Type { TIMESTAMP, DATE, NUMBER, TEXT }

    /** A typed value, stored as text. */
    public record Value(Type type, String text) {

        public static Value of(Object v) {
            if (v == null) {
                return null;
            }
            if (v instanceof LocalDateTime t) {
                return new Value(Type.TIMESTAMP, t.toString());
            }
            if (v instanceof Timestamp t) {
                return new Value(Type.TIMESTAMP, t.toLocalDateTime().toString());
            }
            if (v instanceof OffsetDateTime t) {
                return new Value(Type.TIMESTAMP, t.toLocalDateTime().toString());
            }
            if (v instanceof LocalDate d) {
                return new Value(Type.DATE, d.toString());
            }
            if (v instanceof java.sql.Date d) {
                return new Value(Type.DATE, d.toLocalDate().toString());
            }
            if (v instanceof Number n) {
                return new Value(Type.NUMBER, new BigDecimal(n.toString()).toPlainString());
            }
            return new Value(Type.TEXT, v.toString());
        }

        /** The value to bind as a JDBC parameter. */
        public Object bindable() {
            return switch (type) {
                case TIMESTAMP -> Timestamp.valueOf(LocalDateTime.parse(text));
                case DATE -> java.sql.Date.valueOf(LocalDate.parse(text));
                case NUMBER -> new BigDecimal(text);
                case TEXT -> text;
            };
        }
    }
}
