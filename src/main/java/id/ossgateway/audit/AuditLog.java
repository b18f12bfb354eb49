package id.ossgateway.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Records and lists changes; joins the caller's transaction so a change and its entry commit together. */
@Repository
public class AuditLog {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public AuditLog(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(String actor, String action, String target, String detail) {
        jdbc.update("insert into audit_log (at, actor, action, target, detail) values (?, ?, ?, ?, ?)",
                Timestamp.from(clock.instant()), actor, action, target,
                detail == null || detail.length() <= 4000 ? detail : detail.substring(0, 4000));
    }

    /** The entries about one target, oldest first. */
    public List<AuditEntry> about(String target) {
        return jdbc.query("select id, at, actor, action, target, detail from audit_log where target = ? order by id",
                (rs, i) -> new AuditEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6)), target);
    }
}
