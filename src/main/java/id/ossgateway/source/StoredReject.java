package id.ossgateway.source;

import java.time.Instant;

/**
 * A record that could not become a valid PIA document, as kept in the reject store.
 *
 * @param record  the source record as {@link RecordCodec} JSON
 * @param reasons the violations as a JSON array of {field, rule, message}
 * @param status  {@code OPEN} until a replay delivers (or skips) it, then {@code RESOLVED}
 */
public record StoredReject(String rejectId, String systemId, String sourceRef, String method,
                           String mappingVersion, String record, String reasons, java.time.Instant createdAt,
                           String status, Instant resolvedAt, String messageId) {
}
