package id.ossgateway.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import id.ossgateway.pia.Violation;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
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

    public RejectStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Files a reject (joining the caller's transaction) and returns its id. */
    public String file(String systemId, SourceRecord record, String method, String mappingVersion,
                       List<Violation> reasons) {
        String recordJson = json(record.fields());
        String id = UUID.nameUUIDFromBytes((systemId + '\n' + record.ref() + '\n' + recordJson + '\n' + reasons)
                .getBytes(StandardCharsets.UTF_8)).toString();
        try {
            jdbc.update("insert into reject (reject_id, system_id, source_ref, method, mapping_version, record,"
                            + " reasons, created_at, status) values (?, ?, ?, ?, ?, ?, ?, ?, 'OPEN')",
                    id, systemId, record.ref().toString(), method, mappingVersion, recordJson, json(reasons),
                    Timestamp.from(clock.instant()));
        } catch (DuplicateKeyException already) {
            // the same record with the same reasons is filed already
        }
        return id;
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
