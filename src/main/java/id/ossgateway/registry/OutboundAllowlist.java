package id.ossgateway.registry;

import id.ossgateway.audit.AuditLog;
import id.ossgateway.registry.check.OutboundGuard;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The hosts and networks registered systems may connect to: the operators' entries in the state database
 * plus {@code gateway.registry.outbound-allow} from the configuration. Read at each check, so a change
 * applies at once on every node.
 */
@Component
class OutboundAllowlist {

    /** One operator-managed entry. */
    record Entry(String entry, String note, String createdBy) {
    }

    private final JdbcTemplate jdbc;
    private final RegistryProperties properties;
    private final AuditLog audit;
    private final Clock clock;

    OutboundAllowlist(JdbcTemplate jdbc, RegistryProperties properties, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    OutboundGuard guard() {
        List<String> entries = new ArrayList<>(properties.outboundAllow());
        entries.addAll(jdbc.queryForList("select entry from outbound_allow", String.class));
        return new OutboundGuard(entries);
    }

    List<Entry> entries() {
        return jdbc.query("select entry, note, created_by from outbound_allow order by entry",
                (rs, i) -> new Entry(rs.getString(1), rs.getString(2), rs.getString(3)));
    }

    /** @throws IllegalArgumentException when the entry is not a host name, *.suffix, IP or CIDR range */
    void add(String actor, String entry, String note) {
        new OutboundGuard(List.of(entry)); // refuses a malformed entry with its reason
        try {
            jdbc.update("insert into outbound_allow (entry, note, created_by, created_at) values (?, ?, ?, ?)",
                    entry, note, actor, Timestamp.from(clock.instant()));
        } catch (DuplicateKeyException exists) {
            return;
        }
        audit.record(actor, "outbound.allowed", "outbound:" + entry, note);
    }

    boolean remove(String actor, String entry) {
        boolean removed = jdbc.update("delete from outbound_allow where entry = ?", entry) == 1;
        if (removed) {
            audit.record(actor, "outbound.disallowed", "outbound:" + entry, null);
        }
        return removed;
    }
}
