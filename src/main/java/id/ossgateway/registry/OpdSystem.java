package id.ossgateway.registry;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * A registered system as the API shows it: settings, and only the names of the credentials that are set.
 *
 * @param id          the system id; its mapping is {@code mappings/<id>.yaml}
 * @param scheduleMs  milliseconds between polls (or folder scans)
 * @param stateReason why it is in its state, when that needs saying (e.g. why an approved system is not
 *                    active, or who sent it back for approval)
 */
public record OpdSystem(String id, String opdCode, String name, SystemKind kind, SystemState state,
                        Map<String, String> settings, Set<String> secretsSet, long scheduleMs,
                        boolean pushKeySet, String stateReason, int version, Instant createdAt,
                        Instant updatedAt, String updatedBy) {
}
