package id.ossgateway.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The registry's tables. Secrets go in and out only as ciphertext (see {@link SystemSecrets}). */
@Repository
class RegistryStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SYSTEM_COLUMNS = "id, opd_code, name, kind, state, settings, secrets, schedule_ms,"
            + " push_key_hash, state_reason, version, created_at, updated_at, updated_by";

    private final JdbcTemplate jdbc;

    RegistryStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insertOpd(Opd opd) {
        jdbc.update("insert into opd (code, name, contact_name, contact_email, contact_phone, created_at)"
                        + " values (?, ?, ?, ?, ?, ?)", opd.code(), opd.name(), opd.contactName(), opd.contactEmail(),
                opd.contactPhone(), Timestamp.from(opd.createdAt()));
    }

    List<Opd> opds() {
        return jdbc.query("select code, name, contact_name, contact_email, contact_phone, created_at from opd"
                + " order by code", (rs, i) -> opd(rs));
    }

    Optional<Opd> opd(String code) {
        return jdbc.query("select code, name, contact_name, contact_email, contact_phone, created_at from opd"
                + " where code = ?", (rs, i) -> opd(rs), code).stream().findFirst();
    }

    /** A system row: the public view and its sealed credentials. */
    record Row(OpdSystem system, String sealedSecrets, String pushKeyHash) {
    }

    void insertSystem(OpdSystem s, String sealedSecrets) {
        jdbc.update("insert into opd_system (" + SYSTEM_COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                s.id(), s.opdCode(), s.name(), s.kind().name(), s.state().name(), json(s.settings()), sealedSecrets,
                s.scheduleMs(), null, s.stateReason(), s.version(), Timestamp.from(s.createdAt()),
                Timestamp.from(s.updatedAt()), s.updatedBy());
    }

    /** Writes a new version; false when someone else wrote in between (the caller's version is stale). */
    boolean updateSystem(OpdSystem s, String sealedSecrets, String pushKeyHash) {
        return jdbc.update("update opd_system set name = ?, state = ?, settings = ?, secrets = ?, schedule_ms = ?,"
                        + " push_key_hash = ?, state_reason = ?, version = ?, updated_at = ?, updated_by = ?"
                        + " where id = ? and version = ?",
                s.name(), s.state().name(), json(s.settings()), sealedSecrets, s.scheduleMs(), pushKeyHash,
                s.stateReason(), s.version() + 1, Timestamp.from(s.updatedAt()), s.updatedBy(), s.id(),
                s.version()) == 1;
    }

    Optional<Row> system(String id) {
        return jdbc.query("select " + SYSTEM_COLUMNS + " from opd_system where id = ?", (rs, i) -> row(rs), id)
                .stream().findFirst();
    }

    List<Row> systems(String opdCode) {
        return opdCode == null
                ? jdbc.query("select " + SYSTEM_COLUMNS + " from opd_system order by id", (rs, i) -> row(rs))
                : jdbc.query("select " + SYSTEM_COLUMNS + " from opd_system where opd_code = ? order by id",
                        (rs, i) -> row(rs), opdCode);
    }

    List<Row> systemsIn(SystemState state) {
        return jdbc.query("select " + SYSTEM_COLUMNS + " from opd_system where state = ? order by id",
                (rs, i) -> row(rs), state.name());
    }

    private static Opd opd(ResultSet rs) throws SQLException {
        return new Opd(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getTimestamp(6).toInstant());
    }

    private static Row row(ResultSet rs) throws SQLException {
        String sealed = rs.getString("secrets");
        String pushKeyHash = rs.getString("push_key_hash");
        OpdSystem s = new OpdSystem(rs.getString("id"), rs.getString("opd_code"), rs.getString("name"),
                SystemKind.valueOf(rs.getString("kind")), SystemState.valueOf(rs.getString("state")),
                parse(rs.getString("settings")), Set.of(), rs.getLong("schedule_ms"), pushKeyHash != null,
                rs.getString("state_reason"), rs.getInt("version"), instant(rs, "created_at"),
                instant(rs, "updated_at"), rs.getString("updated_by"));
        return new Row(s, sealed, pushKeyHash);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }

    static String json(Map<String, String> map) {
        try {
            return JSON.writeValueAsString(new TreeMap<>(map));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> parse(String json) {
        try {
            return JSON.readValue(json, new TypeReference<TreeMap<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("registry row holds broken JSON", e);
        }
    }
}
