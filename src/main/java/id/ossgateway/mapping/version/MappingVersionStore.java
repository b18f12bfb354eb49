package id.ossgateway.mapping.version;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The tables {@code mapping_version} and {@code mapping_live}. */
@Repository
class MappingVersionStore {

    private static final String COLUMNS = "v.system_id, v.version_no, v.state, v.based_on, v.note, v.created_by,"
            + " v.created_at, v.decided_by, v.decided_at, l.version_no as live_no";

    private final JdbcTemplate jdbc;

    MappingVersionStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds a version with the next number and returns it; the primary key settles two saves at once. */
    int insert(String systemId, String yaml, VersionState state, Integer basedOn, String note, String by, Instant at) {
        Integer last = jdbc.queryForObject("select max(version_no) from mapping_version where system_id = ?",
                Integer.class, systemId);
        int next = last == null ? 1 : last + 1;
        jdbc.update("insert into mapping_version (system_id, version_no, yaml, state, based_on, note, created_by,"
                        + " created_at) values (?, ?, ?, ?, ?, ?, ?, ?)", systemId, next, yaml, state.name(), basedOn,
                note, by, Timestamp.from(at));
        return next;
    }

    /** Moves a version from one state to another; false when it was not in {@code from} (decided meanwhile). */
    boolean decide(String systemId, int versionNo, VersionState from, VersionState to, String note, String by,
                   Instant at) {
        return jdbc.update("update mapping_version set state = ?, note = coalesce(?, note), decided_by = ?,"
                        + " decided_at = ? where system_id = ? and version_no = ? and state = ?", to.name(), note, by,
                Timestamp.from(at), systemId, versionNo, from.name()) == 1;
    }

    void setLive(String systemId, int versionNo, String by, Instant at) {
        if (jdbc.update("update mapping_live set version_no = ?, since = ?, set_by = ? where system_id = ?",
                versionNo, Timestamp.from(at), by, systemId) == 0) {
            jdbc.update("insert into mapping_live (system_id, version_no, since, set_by) values (?, ?, ?, ?)",
                    systemId, versionNo, Timestamp.from(at), by);
        }
    }

    List<MappingVersion> list(String systemId) {
        return jdbc.query("select " + COLUMNS + " from mapping_version v left join mapping_live l on"
                + " l.system_id = v.system_id where v.system_id = ? order by v.version_no desc", this::row, systemId);
    }

    Optional<MappingVersion> find(String systemId, int versionNo) {
        return jdbc.query("select " + COLUMNS + " from mapping_version v left join mapping_live l on"
                        + " l.system_id = v.system_id where v.system_id = ? and v.version_no = ?", this::row, systemId,
                versionNo).stream().findFirst();
    }

    Optional<String> yaml(String systemId, int versionNo) {
        return jdbc.queryForList("select yaml from mapping_version where system_id = ? and version_no = ?",
                String.class, systemId, versionNo).stream().findFirst();
    }

    /** The live version number of every system that has one. */
    Map<String, Integer> live() {
        Map<String, Integer> out = new TreeMap<>();
        jdbc.query("select system_id, version_no from mapping_live", rs -> {
            out.put(rs.getString(1), rs.getInt(2));
        });
        return out;
    }

    /** Systems with versions waiting for approval. */
    List<String> pending() {
        return jdbc.queryForList("select distinct system_id from mapping_version where state = 'SUBMITTED'"
                + " order by system_id", String.class);
    }

    private MappingVersion row(ResultSet rs, int i) throws SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        int basedOn = rs.getInt("based_on");
        Integer based = rs.wasNull() ? null : basedOn;
        int liveNo = rs.getInt("live_no");
        boolean live = !rs.wasNull() && liveNo == rs.getInt("version_no");
        return new MappingVersion(rs.getString("system_id"), rs.getInt("version_no"),
                VersionState.valueOf(rs.getString("state")), based, rs.getString("note"),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(), rs.getString("decided_by"),
                decided == null ? null : decided.toInstant(), live);
    }
}
