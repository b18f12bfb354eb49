package id.ossgateway.source.file;

import id.ossgateway.GatewayProperties;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The files each system's drops already delivered, by name, size and SHA-256, in the state database so that
 * every gateway node sharing it knows them.
 */
@Repository
class ProcessedFiles {

    /** An earlier file with the same fingerprint: when and where it was processed. */
    record Earlier(String name, Instant processedAt, String node) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final String node;

    ProcessedFiles(JdbcTemplate jdbc, Clock clock, GatewayProperties gateway) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.node = gateway.nodeId();
    }

    Optional<Earlier> find(String systemId, Fingerprint f) {
        return jdbc.query("select file_name, processed_at, node from processed_file where system_id = ?"
                        + " and file_name = ? and size_bytes = ? and sha256 = ?",
                (rs, i) -> new Earlier(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3)),
                systemId, f.name(), f.size(), f.sha256()).stream().findFirst();
    }

    /** Remembers a file read to the end; a second node that processed the same file at the same time is fine. */
    void remember(String systemId, Fingerprint f, long records) {
        try {
            jdbc.update("insert into processed_file (system_id, file_name, size_bytes, sha256, record_count, processed_at,"
                    + " node) values (?, ?, ?, ?, ?, ?, ?)", systemId, f.name(), f.size(), f.sha256(), records,
                    Timestamp.from(clock.instant()), node);
        } catch (DuplicateKeyException alreadyThere) {
            // the records were handed over twice; Ingest gave them the same message ids, so nothing is sent twice
        }
    }
}
