package id.ossgateway.registry;

import id.ossgateway.audit.AuditLog;
import id.ossgateway.registry.check.ConnectionTester;
import id.ossgateway.registry.check.Verdict;
import id.ossgateway.security.Caller;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * "Test connection": a real attempt with the system's settings and credentials, under the outbound rules,
 * with a verdict OPD staff can act on (host unreachable, authentication failed, table or column missing,
 * folder missing, no read permission).
 */
@Component
public class ConnectionChecks {

    private final Registry registry;
    private final OutboundAllowlist allowlist;
    private final RegistryProperties properties;
    private final AuditLog audit;

    ConnectionChecks(Registry registry, OutboundAllowlist allowlist, RegistryProperties properties, AuditLog audit) {
        this.registry = registry;
        this.allowlist = allowlist;
        this.properties = properties;
        this.audit = audit;
    }

    /** Tests a registered system as stored (404 for a system the caller may not see). */
    public Verdict test(Caller caller, String systemId) {
        RegistryStore.Row row = registry.visible(caller, systemId);
        Verdict verdict = test(row.system().kind(), row.system().settings(), registry.credentials(row));
        audit.record(caller.username(), "system.connection-tested", Registry.target(systemId),
                verdict.code() + ": " + verdict.message());
        return verdict;
    }

    /** Tests settings before they are registered. */
    Verdict test(SystemKind kind, Map<String, String> settings, Map<String, String> secrets) {
        if (kind == null) {
            return Verdict.failed(id.ossgateway.registry.check.VerdictCode.BAD_SETTINGS, "kind is required");
        }
        return new ConnectionTester(allowlist.guard(), properties.folderRoot())
                .test(kind.name(), settings == null ? Map.of() : settings, secrets == null ? Map.of() : secrets);
    }
}
