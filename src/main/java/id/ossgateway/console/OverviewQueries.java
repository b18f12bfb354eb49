package id.ossgateway.console;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Read-only figures for the overview, per system, straight from the journal, the delivery attempts and the
 * reject store. Every query is a grouped count over an indexed time range (or the dead-letter state), so
 * the overview stays cheap on a busy day. Portable between H2 and PostgreSQL.
 */
@Repository
class OverviewQueries {

    /** Hours are counted from the epoch so that both databases cut them at the same instants. */
    private static final String HOUR = "floor(extract(epoch from %s) / 3600)";

    private final JdbcTemplate jdbc;

    OverviewQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Today's figures of one system; absent systems had none. */
    record Today(long received, long delivered, long rejected, long deadLettered, Long latencyP95Ms) {
        static final Today NONE = new Today(0, 0, 0, 0, null);
    }

    Map<String, Today> today(Instant since) {
        Timestamp from = Timestamp.from(since);
        Map<String, Long> received = counts("select system_id, count(*) from message where received_at >= ?"
                + " group by system_id", from);
        Map<String, Long> delivered = counts("select system_id, count(*) from message where state = 'DELIVERED'"
                + " and state_at >= ? group by system_id", from);
        Map<String, Long> rejected = counts("select system_id, count(*) from reject where created_at >= ?"
                + " group by system_id", from);
        // dead letters wait for an operator whatever day they arrived: all of them count
        Map<String, Long> dead = counts("select system_id, count(*) from message where state = 'DEAD_LETTERED'"
                + " group by system_id");
        Map<String, Long> p95 = counts("select m.system_id, percentile_cont(0.95) within group"
                + " (order by a.latency_ms) from delivery_attempt a join message m on m.message_id = a.message_id"
                + " where a.started_at >= ? and a.latency_ms is not null group by m.system_id", from);
        Map<String, Today> out = new HashMap<>();
        for (Map<String, Long> m : List.of(received, delivered, rejected, dead, p95)) {
            m.keySet().forEach(system -> out.put(system, new Today(received.getOrDefault(system, 0L),
                    delivered.getOrDefault(system, 0L), rejected.getOrDefault(system, 0L),
                    dead.getOrDefault(system, 0L), p95.get(system))));
        }
        return out;
    }

    /** Per system and hour (hours since the epoch): records received, and records delivered. */
    record Hourly(Map<String, Map<Long, Long>> received, Map<String, Map<Long, Long>> delivered) {
    }

    Hourly hourly(Instant since) {
        Timestamp from = Timestamp.from(since);
        return new Hourly(
                perHour("select system_id, " + HOUR.formatted("received_at") + ", count(*) from message"
                        + " where received_at >= ? group by system_id, " + HOUR.formatted("received_at"), from),
                perHour("select system_id, " + HOUR.formatted("state_at") + ", count(*) from message"
                        + " where state = 'DELIVERED' and state_at >= ? group by system_id, "
                        + HOUR.formatted("state_at"), from));
    }

    private Map<String, Long> counts(String sql, Object... args) {
        Map<String, Long> out = new HashMap<>();
        jdbc.query(sql, rs -> {
            out.put(rs.getString(1), Math.round(rs.getDouble(2)));
        }, args);
        return out;
    }

    private Map<String, Map<Long, Long>> perHour(String sql, Object... args) {
        Map<String, Map<Long, Long>> out = new HashMap<>();
        jdbc.query(sql, rs -> {
            out.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getLong(2), rs.getLong(3));
        }, args);
        return out;
    }
}
