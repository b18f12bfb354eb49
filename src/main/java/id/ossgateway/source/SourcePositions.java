package id.ossgateway.source;

import id.ossgateway.GatewayProperties;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Source positions in the state database, so that any node can take over a source where it stood. */
@Repository
public class SourcePositions {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final String node;

    public SourcePositions(JdbcTemplate jdbc, Clock clock, GatewayProperties gateway) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.node = gateway.nodeId();
    }

    public Optional<SourcePosition> find(String sourceId) {
        List<SourcePosition> found = jdbc.query("select watermark, watermark_type, tie_key, tie_type"
                + " from source_position where source_id = ?", (rs, i) -> new SourcePosition(
                value(rs.getString(2), rs.getString(1)), value(rs.getString(4), rs.getString(3))), sourceId);
        return found.stream().findFirst().filter(p -> p.watermark() != null);
    }

    public void save(String sourceId, SourcePosition position) {
        Object[] args = {text(position.watermark()), type(position.watermark()), text(position.tieKey()),
                type(position.tieKey()), Timestamp.from(clock.instant()), node, sourceId};
        int updated = jdbc.update("update source_position set watermark = ?, watermark_type = ?, tie_key = ?,"
                + " tie_type = ?, updated_at = ?, node = ? where source_id = ?", args);
        if (updated == 0) {
            jdbc.update("insert into source_position (watermark, watermark_type, tie_key, tie_type, updated_at,"
                    + " node, source_id) values (?, ?, ?, ?, ?, ?, ?)", args);
        }
    }

    /** Forgets a source's position: the next poll reads it from the start (an operator's decision). */
    public void reset(String sourceId) {
        jdbc.update("delete from source_position where source_id = ?", sourceId);
    }

    private static SourcePosition.Value value(String type, String text) {
        return type == null ? null : new SourcePosition.Value(SourcePosition.Type.valueOf(type), text);
    }

    private static String text(SourcePosition.Value v) {
        return v == null ? null : v.text();
    }

    private static String type(SourcePosition.Value v) {
        return v == null ? null : v.type().name();
    }
}
