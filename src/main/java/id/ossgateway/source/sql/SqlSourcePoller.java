package id.ossgateway.source.sql;

import id.ossgateway.mapping.MappingProperties;
import id.ossgateway.source.Ingest;
import id.ossgateway.source.IngestResult;
import id.ossgateway.source.SourceHealth;
import id.ossgateway.source.SourcePositions;
import id.ossgateway.source.SourceRecord;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Polls a legacy table incrementally with {@link KeysetReader}. The position moves only after
 * {@link Ingest#accept} returned, i.e. after the batch is on the queue or in rejects, and after the optional
 * "mark processed" UPDATE succeeded: a failed mark keeps the position, so the batch is read again and marked
 * on the next tick (the journal drops the records it already holds).
 */
@Component("sqlSourcePoller")
public class SqlSourcePoller {

    private static final Logger log = LoggerFactory.getLogger(SqlSourcePoller.class);

    private final OpdDataSources dataSources;
    private final SourcePositions positions;
    private final Ingest ingest;
    private final SourceHealth health;
    private final SqlSources sources;
    private final Clock clock;
    private final ZoneId zone;

    public SqlSourcePoller(OpdDataSources dataSources, SourcePositions positions, Ingest ingest,
                           SourceHealth health, SqlSources sources, Clock clock, MappingProperties mapping) {
        this.dataSources = dataSources;
        this.positions = positions;
        this.ingest = ingest;
        this.health = health;
        this.sources = sources;
        this.clock = clock;
        this.zone = mapping.zone();
    }

    /** Entry point of the kamelet: the source's parameters are exchange properties named {@code sql.*}. */
    public String poll(Exchange exchange) {
        String systemId = exchange.getProperty("sql.systemId", String.class);
        SqlSourceSpec spec;
        try {
            spec = new SqlSourceSpec(
                    systemId,
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
                    Duration.ofMillis(exchange.getProperty("sql.settleMillis", 0L, Long.class)),
                    exchange.getProperty("sql.watermarkFormat", String.class),
                    exchange.getProperty("sql.markProcessedSql", String.class));
        } catch (IllegalArgumentException e) {
            // a source configured wrongly reads nothing at all, and says why where operators look
            String table = blankToNull(exchange.getProperty("sql.table", String.class));
            health.failed(systemId + ":" + (table == null ? systemId : table), e.getMessage());
            log.error("SQL source {} refused: {}", systemId, e.getMessage());
            return systemId + ": source refused: " + e.getMessage();
        }
        return poll(spec);
    }

    /**
     * Reads and hands over up to {@code maxBatches} batches; returns a one-line summary. A failure (database
     * down, table renamed, password expired) keeps the position and is reported in health.
     */
    public String poll(SqlSourceSpec spec) {
        sources.remember(spec);
        long accepted = 0;
        long rejected = 0;
        long skipped = 0;
        int rows = 0;
        try {
            DataSource ds = dataSources.forSpec(spec);
            for (int batch = 0; batch < spec.maxBatches(); batch++) {
                KeysetReader.Batch read = KeysetReader.read(ds, spec, positions.find(spec.sourceId()).orElse(null),
                        spec.batchSize(), settleCutoff(spec));
                if (read.records().isEmpty()) {
                    break;
                }
                IngestResult result = ingest.accept(spec.systemId(), read.records());
                ProcessedMarker.mark(ds, spec, keys(spec, read.records()));
                positions.save(spec.sourceId(), read.last());
                accepted += result.accepted();
                rejected += result.rejected();
                skipped += result.skipped();
                rows += read.records().size();
                if (read.records().size() < spec.batchSize()) {
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

    private LocalDateTime settleCutoff(SqlSourceSpec spec) {
        return spec.settle().isZero() ? null : LocalDateTime.now(clock.withZone(zone)).minus(spec.settle());
    }

    private static List<Object> keys(SqlSourceSpec spec, List<SourceRecord> records) {
        String key = spec.keyColumn().toLowerCase(Locale.ROOT);
        return records.stream().map(r -> r.fields().get(key)).toList();
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
