package id.ossgateway.source.sql;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads one legacy row the same way whatever the driver: lower-case names, Java time types, and MySQL's
 * "zero" dates ({@code 0000-00-00}, {@code 2024-02-00}) as null, so the mapping's default and required
 * rules decide about them instead of the poll crashing.
 *
 * <p>Why by hand and not with a driver setting: MariaDB Connector/J 3.x has no {@code zeroDateTimeBehavior}
 * (that is MySQL Connector/J's). Connector/J 3.5 returns null for an all-zero date but throws
 * {@link DateTimeException} for a partly zero one from {@code getObject(i, LocalDate.class)}, and its plain
 * {@code getObject(i)} silently rolls {@code 2024-02-00} over to 2024-01-31 — a wrong date sent to OSS
 * would be worse than none. MySQL Connector/J throws an {@link SQLException} by default. So temporal
 * columns are read as Java time types and, when the driver refuses, their text decides: a date with a
 * zero year, month or day is null, anything else is still an error.
 */
final class LegacyColumns {

    private static final Pattern ZERO_DATE =
            Pattern.compile("^(0000-\\d\\d-\\d\\d|\\d{4}-00-\\d\\d|\\d{4}-\\d\\d-00)([ T].*)?$");

    private LegacyColumns() {
    }

    /** One row with lower-case names. */
    static Map<String, Object> row(ResultSet rs, ResultSetMetaData meta) throws SQLException {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            fields.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), value(rs, i, meta.getColumnType(i)));
        }
        return fields;
    }

    /** The driver's text of a column, or null when it cannot even give that (binary protocol, zero date). */
    static String text(ResultSet rs, int column) throws SQLException {
        try {
            return rs.getString(column);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** True for MySQL's zero dates: a zero year, month or day, with or without a time. */
    static boolean isZeroDate(String text) {
        return text != null && ZERO_DATE.matcher(text.strip()).matches();
    }

    private static Object value(ResultSet rs, int i, int type) throws SQLException {
        Class<?> javaType = switch (type) {
            case Types.TIMESTAMP -> LocalDateTime.class;
            case Types.DATE -> LocalDate.class;
            case Types.TIMESTAMP_WITH_TIMEZONE -> OffsetDateTime.class;
            default -> null;
        };
        if (javaType == null) {
            return rs.getObject(i);
        }
        try {
            return rs.getObject(i, javaType);
        } catch (DateTimeException | SQLException refused) {
            String text;
            try {
                text = rs.getString(i);
            } catch (DateTimeException e) {
                return null; // the driver's binary decoder refuses even the text: it is no real date either
            }
            if (isZeroDate(text)) {
                return null;
            }
            throw refused;
        }
    }
}
