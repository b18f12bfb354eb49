package id.ossgateway.source.sql;

import id.ossgateway.envelope.SourceRef;
import id.ossgateway.mapping.MappingProperties;
import id.ossgateway.source.Ingest;
import id.ossgateway.source.IngestResult;
import id.ossgateway.source.SourceHealth;
import id.ossgateway.source.SourcePosition;
import id.ossgateway.source.SourcePositions;
import id.ossgateway.source.SourceRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Polls a legacy table incrementally: keyset pagination on (watermark, key), so rows sharing one
 * timestamp are neither skipped nor read twice, and no OFFSET scan grows with the table. The position
 * moves only after {@link Ingest#accept} returned, i.e. after the batch is on the queue or in rejects.
 */
@Component("sqlSourcePoller")
public class SqlSourcePoller {

    private static final Logger log = LoggerFactory.getLogger(SqlSourcePoller.class);

    private final OpdDataSources dataSources;
    private final SourcePositions positions;
    private final Ingest ingest;
    private final SourceHealth health;
    private final java.time.Clock clock;
    private final java.time.ZoneId zone;

    public SqlSourcePoller(OpdDataSources dataSources, SourcePositions positions, Ingest ingest,
                           SourceHealth health, java.time.Clock clock, MappingProperties mapping) {
        this.dataSources = dataSources;
        this.positions = positions;
        this.ingest = ingest;
        this.health = health;
        this.clock = clock;
        this.zone = mapping.zone();
    }

    /** Entry point of the kamelet: the source's parameters are exchange properties named {@code sql.*}. */
    public String poll(Exchange exchange) {
        SqlSourceSpec spec = new SqlSourceSpec(
                exchange.getProperty("sql.systemId", String.class),
                blankToNull(exchange.getProperty("sql.dataSource", String.class)),
                blankToNull(exchange.getProperty("sql.jdbcUrl", String.class)),
                exchange.getProperty("sql.username", String.class),
                exchange.getProperty("sql.password", String.class),
                exchange.getProperty("sql.query", String.class),
                exchange.getProperty("sql.watermarkColumn", String.class),
                exchange.getProperty("sql.keyColumn", String.class),
                exchange.getProperty("sql.table", String.class),
                exchange.getProperty("sql.batchSize", 500, Integer.class),
                exchange.getProperty("sql.maxBatches", 20, Integer.class),
                java.time.Duration.ofMillis(exchange.getProperty("sql.settleMillis", 0L, Long.class)));
        return poll(spec);
    }

    /**
     * Reads and hands over up to {@code maxBatches} batches; returns a one-line summary. A failure (database
     * down, table renamed, password expired) keeps the position and is reported in health.
     */
    public String poll(SqlSourceSpec spec) {
        long accepted = 0;
        long rejected = 0;
        long skipped = 0;
        int rows = 0;
        try {
            DataSource ds = dataSources.forSpec(spec);
            for (int batch = 0; batch < spec.maxBatches(); batch++) {
                Optional<SourcePosition> from = positions.find(spec.sourceId());
                Batch read = read(ds, spec, from.orElse(null));
                if (read.records.isEmpty()) {
                    break;
                }
                IngestResult result = ingest.accept(spec.systemId(), read.records);
                positions.save(spec.sourceId(), read.last);
                accepted += result.accepted();
                rejected += result.rejected();
                skipped += result.skipped();
                rows += read.records.size();
                if (read.records.size() < spec.batchSize()) {
                    break;
                }
            }
        } catch (SQLException | RuntimeException e) {
            String reason = reason(e);
            health.failed(spec.sourceId(), reason);
            log.warn("poll of {} failed, position kept, retrying next tick: {}", spec.systemId(), reason);
            // not rethrown: the failure is reported in health and the log, the timer simply ticks again
            return spec.systemId() + ": poll failed: " + reason;
        }
        String summary = spec.systemId() + ": " + rows + " rows, " + accepted + " accepted, " + rejected
                + " rejected, " + skipped + " skipped";
        health.succeeded(spec.sourceId(), summary);
        if (rows > 0) {
            log.info("polled {}", summary);
        }
        return summary;
    }

    private record Batch(List<SourceRecord> records, SourcePosition last) {
    }

    private Batch read(DataSource ds, SqlSourceSpec spec, SourcePosition from) throws SQLException {
        String wm = "src." + spec.watermarkColumn();
        String key = "src." + spec.keyColumn();
        boolean settle = !spec.settle().isZero();
        List<String> conditions = new ArrayList<>();
        if (from != null) {
            conditions.add("(" + wm + " > ? or (" + wm + " = ? and " + key + " > ?))");
        }
        if (settle) {
            conditions.add(wm + " <= ?");
        }
        String sql = "select * from (" + spec.query() + ") src"
                + (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions))
                + " order by " + wm + ", " + key;
        List<SourceRecord> records = new ArrayList<>();
        SourcePosition last = from;
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setMaxRows(spec.batchSize());
            ps.setFetchSize(Math.min(spec.batchSize(), 1000));
            if (from != null) {
                ps.setObject(1, from.watermark().bindable());
                ps.setObject(2, from.watermark().bindable());
                ps.setObject(3, from.tieKey().bindable());
            }
            if (settle) {
                ps.setObject(from == null ? 1 : 4, java.sql.Timestamp.valueOf(
                        java.time.LocalDateTime.now(clock.withZone(zone)).minus(spec.settle())));
            }
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next() && records.size() < spec.batchSize()) {
                    Map<String, Object> fields = row(rs, meta);
                    Object wmValue = fields.get(spec.watermarkColumn().toLowerCase(Locale.ROOT));
                    Object keyValue = fields.get(spec.keyColumn().toLowerCase(Locale.ROOT));
                    if (wmValue == null || keyValue == null) {
                        // a NULL watermark can never be passed by a keyset position: say so, instead of looping
                        throw new IllegalStateException("row with " + spec.keyColumn() + "=" + keyValue + " has no "
                                + spec.watermarkColumn() + "; exclude such rows in the query or coalesce them");
                    }
                    records.add(new SourceRecord(SourceRef.row(spec.table(), String.valueOf(keyValue).strip()), fields));
                    last = new SourcePosition(SourcePosition.Value.of(wmValue), SourcePosition.Value.of(keyValue));
                }
            }
        }
        return new Batch(records, last);
    }

    /** One row with lower-case names and Java time types, whatever the driver prefers. */
    static Map<String, Object> row(ResultSet rs, ResultSetMetaData meta) throws SQLException {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            String name = meta.getColumnLabel(i).toLowerCase(Locale.ROOT);
            Object value = switch (meta.getColumnType(i)) {
                case Types.TIMESTAMP -> rs.getObject(i, java.time.LocalDateTime.class);
                case Types.DATE -> rs.getObject(i, java.time.LocalDate.class);
                case Types.TIMESTAMP_WITH_TIMEZONE -> rs.getObject(i, java.time.OffsetDateTime.class);
                default -> rs.getObject(i);
            };
            fields.put(name, value);
        }
        return fields;
    }

    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String msg = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return msg.length() > 300 ? msg.substring(0, 300) + "…" : msg;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
