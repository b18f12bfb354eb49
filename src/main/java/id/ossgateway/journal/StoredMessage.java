package id.ossgateway.journal;

import java.time.Instant;

/** A message as the journal keeps it; the document stays out of list views and is read on demand. */
public record StoredMessage(
        String messageId,
        String direction,
        String opdCode,
        String systemId,
        String sourceRef,
        String method,
        String businessKey,
        String nib,
        String statusCode,
        String contentHash,
        String mappingVersion,
        Instant receivedAt,
        MessageState state,
        Instant stateAt,
        int attempts,
        String nomorIzin,
        String lastError) {
}
