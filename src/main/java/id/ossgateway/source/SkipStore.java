package id.ossgateway.source;

import id.ossgateway.secret.SealedText;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Records a mapping skipped on purpose, one row per source record (its latest skip), with the reason and the
 * record (sealed), so that a skipped SQL row is visible with its reason instead of only being counted.
 */
@Repository
public class SkipStore {

    /** A skipped record as shown: the record as {@link RecordCodec} JSON. */
    public record Skipped(String skipId, String systemId, String sourceRef, String mappingVersion, String reason,
                          String record, Instant skippedAt) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final SealedText sealed;

    public SkipStore(JdbcTemplate jdbc, Clock clock, SealedText sealed) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.sealed = sealed;
    }

    /** Files a skip (joining the caller's transaction); the same source record keeps one row. */
    void file(String systemId, SourceRecord record, String mappingVersion, String reason) {
        String id = UUID.nameUUIDFromBytes((systemId + '\n' + record.ref()).getBytes(StandardCharsets.UTF_8)).toString();
        String text = sealed.seal(RecordCodec.write(record.fields()), boundTo(id));
        Timestamp now = Timestamp.from(clock.instant());
        String why = reason.length() > 2000 ? reason.substring(0, 2000) : reason;
        int updated = jdbc.update("update skipped_record set mapping_version = ?, reason = ?, record = ?, skipped_at = ?"
                + " where skip_id = ?", mappingVersion, why, text, now, id);
        if (updated == 0) {
            try {
                jdbc.update("insert into skipped_record (skip_id, system_id, source_ref, mapping_version, reason,"
                        + " record, skipped_at) values (?, ?, ?, ?, ?, ?, ?)", id, systemId, record.ref().toString(),
                        mappingVersion, why, text, now);
            } catch (DuplicateKeyException raced) {
                // filed at the same moment by another node: one row is what we want
            }
        }
    }

    /** The skips of one system (or all when null), newest first. */
    public List<Skipped> list(String systemId, int limit) {
        return jdbc.query("select * from skipped_record where (? is null or system_id = ?) order by skipped_at desc",
                ps -> {
                    ps.setString(1, systemId);
                    ps.setString(2, systemId);
                    ps.setMaxRows(limit);
                }, (rs, i) -> new Skipped(rs.getString("skip_id"), rs.getString("system_id"),
                        rs.getString("source_ref"), rs.getString("mapping_version"), rs.getString("reason"),
                        sealed.open(rs.getString("record"), boundTo(rs.getString("skip_id"))),
                        rs.getTimestamp("skipped_at").toInstant()));
    }

    static String boundTo(String skipId) {
        return "skip:" + skipId;
    }
}
