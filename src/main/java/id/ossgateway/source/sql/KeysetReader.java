package id.ossgateway.source.sql;

import id.ossgateway.envelope.SourceRef;
import id.ossgateway.source.SourcePosition;
import id.ossgateway.source.SourceRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Reads the next batch of a legacy source after a position: keyset pagination on (watermark, key), so rows
 * sharing one timestamp are neither skipped nor read twice, and no OFFSET scan grows with the table.
 */
final class KeysetReader {

    /** The rows read and the position of the last one (the position given when none was read). */
    record Batch(List<SourceRecord> records, SourcePosition last) {
    }

    private KeysetReader() {
    }

    /**
     * Up to {@code limit} rows after {@code from} (null = from the start).
     *
     * @param settleCutoff rows whose watermark is later than this wait for a later poll; null = no settle time
     */
    static Batch read(DataSource ds, SqlSourceSpec spec, SourcePosition from, int limit, LocalDateTime settleCutoff)
            throws SQLException {
        String wm = "src." + spec.watermarkColumn();
        String key = "src." + spec.keyColumn();
        TextWatermark textWatermark = spec.textWatermark();
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        if (from != null) {
            conditions.add("(" + wm + " > ? or (" + wm + " = ? and " + key + " > ?))");
            parameters.add(from.watermark().bindable());
            parameters.add(from.watermark().bindable());
            parameters.add(from.tieKey().bindable());
        }
        if (settleCutoff != null) {
            conditions.add(wm + " <= ?");
            parameters.add(textWatermark != null ? textWatermark.format(settleCutoff)
                    : java.sql.Timestamp.valueOf(settleCutoff));
        }
        String sql = "select * from (" + spec.query() + ") src"
                + (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions))
                + " order by " + wm + ", " + key;
        List<SourceRecord> records = new ArrayList<>();
        SourcePosition last = from;
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setMaxRows(limit);
            ps.setFetchSize(Math.min(limit, 1000));
            for (int i = 0; i < parameters.size(); i++) {
                ps.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                int wmColumn = rs.findColumn(spec.watermarkColumn());
                boolean textColumn = isText(meta.getColumnType(wmColumn));
                while (rs.next() && records.size() < limit) {
                    Map<String, Object> fields = LegacyColumns.row(rs, meta);
                    Object keyValue = fields.get(spec.keyColumn().toLowerCase(Locale.ROOT));
                    SourcePosition.Value watermark = watermark(rs, wmColumn, textColumn, spec, textWatermark,
                            fields.get(spec.watermarkColumn().toLowerCase(Locale.ROOT)), keyValue);
                    records.add(new SourceRecord(SourceRef.row(spec.table(), String.valueOf(keyValue).strip()), fields));
                    last = new SourcePosition(watermark, SourcePosition.Value.of(keyValue));
                }
            }
        }
        return new Batch(records, last);
    }

    private static SourcePosition.Value watermark(ResultSet rs, int column, boolean textColumn, SqlSourceSpec spec,
                                                  TextWatermark textWatermark, Object value, Object key)
            throws SQLException {
        if (value == null && key != null) {
            String raw = LegacyColumns.text(rs, column);
            if (LegacyColumns.isZeroDate(raw)) {
                // MySQL sorts a zero date before every real one and compares it with its own text, so it is the
                // lowest watermark: such rows are read once, at the start, and the position moves past them
                return new SourcePosition.Value(SourcePosition.Type.TEXT, raw.strip());
            }
        }
        if (value == null || key == null) {
            // a NULL watermark can never be passed by a keyset position: say so, instead of looping
            throw new IllegalStateException("row with " + spec.keyColumn() + "=" + key + " has no "
                    + spec.watermarkColumn() + "; exclude such rows in the query or coalesce them");
        }
        if (textColumn && value instanceof String text) {
            if (textWatermark != null) {
                textWatermark.check(spec.keyColumn(), key, text);
            } else {
                TextWatermark.refuseDayFirst(spec.watermarkColumn(), text);
            }
        }
        return SourcePosition.Value.of(value);
    }

    private static boolean isText(int sqlType) {
        return switch (sqlType) {
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR -> true;
            default -> false;
        };
    }
}
