package id.ossgateway.audit;

import java.time.Instant;

/** One recorded change. {@code detail} never holds a credential or personal data. */
public record AuditEntry(long id, Instant at, String actor, String action, String target, String detail) {
}
