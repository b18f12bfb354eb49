package id.ossgateway.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import id.ossgateway.pia.Violation;
import id.ossgateway.secret.SealedText;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Records that failed mapping or validation, per source system, with the source record and all reasons.
 * The reject id is derived from the system, the source reference and the record, so reading the same bad
 * record again (after a crash, or a file resent unchanged) does not file it twice.
 */
@Repository
public class RejectStore {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final SealedText sealed;

    public RejectStore(JdbcTemplate jdbc, Clock clock, SealedText sealed) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.sealed = sealed;
    }

    /**
     * Files a reject (joining the caller's transaction) and returns its id. The same record from the same
     * place keeps one reject: filed again (re-read, or replayed and still wrong) it gets the new reasons
     * and mapping version and stays open.
     */
    public String file(String systemId, SourceRecord record, String method, String mappingVersion,
                       List<Violation> reasons) {
        String recordJson = RecordCodec.write(record.fields());
        String id = UUID.nameUUIDFromBytes((systemId + '\n' + record.ref() + '\n' + recordJson)
                .getBytes(StandardCharsets.UTF_8)).toString();
        int updated = jdbc.update("update reject set method = ?, mapping_version = ?, reasons = ?, status = 'OPEN',"
                + " resolved_at = null where reject_id = ?", method, mappingVersion, json(reasons), id);
        if (updated == 0) {
            try {
                jdbc.update("insert into reject (reject_id, system_id, source_ref, method, mapping_version, record,"
                                + " reasons, created_at, status) values (?, ?, ?, ?, ?, ?, ?, ?, 'OPEN')",
                        // the source record holds personal data (NIK, phone, e-mail): sealed at rest
                        id, systemId, record.ref().toString(), method, mappingVersion,
                        sealed.seal(recordJson, boundTo(id)), json(reasons),
                        Timestamp.from(clock.instant()));
            } catch (DuplicateKeyException raced) {
                // filed at the same moment by another thread: one row is what we want
            }
        }
        return id;
    }

    /** Marks a reject resolved by the message its replay produced (or null when the replay skipped it). */
    public void resolve(String rejectId, String messageId) {
        jdbc.update("update reject set status = 'RESOLVED', resolved_at = ?, message_id = ? where reject_id = ?",
                Timestamp.from(clock.instant()), messageId, rejectId);
    }

    /** Closes a reject whose corrected replay was filed as another one, pointing to it. */
    public void supersede(String rejectId, String byRejectId) {
        jdbc.update("update reject set status = 'SUPERSEDED', resolved_at = ?, reasons = ? where reject_id = ?",
                Timestamp.from(clock.instant()), json(List.of(new Violation("replay", "superseded",
                        "replayed with corrections, still rejected as " + byRejectId))), rejectId);
    }

    public Optional<StoredReject> find(String rejectId) {
        return jdbc.query("select * from reject where reject_id = ?", row(), rejectId).stream().findFirst();
    }

    /** Rejects of a system (or all), newest first. */
    public List<StoredReject> list(String systemId, String status, int limit) {
        return jdbc.query("select * from reject where (? is null or system_id = ?) and (? is null or status = ?)"
                + " order by created_at desc", ps -> {
                    ps.setString(1, systemId);
                    ps.setString(2, systemId);
                    ps.setString(3, status);
                    ps.setString(4, status);
                    ps.setMaxRows(limit);
                }, row());
    }

    private RowMapper<StoredReject> row() {
        return (rs, i) -> new StoredReject(rs.getString("reject_id"),
            rs.getString("system_id"), rs.getString("source_ref"), rs.getString("method"),
            rs.getString("mapping_version"), sealed.open(rs.getString("record"), boundTo(rs.getString("reject_id"))),
            rs.getString("reasons"),
            rs.getTimestamp("created_at").toInstant(), rs.getString("status"),
            rs.getTimestamp("resolved_at") == null ? null : rs.getTimestamp("resolved_at").toInstant(),
            rs.getString("message_id"));
    }

    /** What a reject's sealed record is bound to: it opens on its own row only. */
    public static String boundTo(String rejectId) {
        return "reject:" + rejectId;
    }

    public int countOpen(String systemId) {
        Integer n = jdbc.queryForObject("select count(*) from reject where system_id = ? and status = 'OPEN'",
                Integer.class, systemId);
        return n == null ? 0 : n;
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("record cannot be written as JSON", e);
        }
    }
}
