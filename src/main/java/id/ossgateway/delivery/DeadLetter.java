package id.ossgateway.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A message waiting in the dead-letter queue, as an operator browses it.
 *
 * @param attempts       attempts made in all (the number of the last one)
 * @param attemptHistory the last attempts (at most ten) with OSS's reply and latency
 * @param originalQueue  where a replay sends it back
 */
public record DeadLetter(
        String messageId,
        String idIzin,
        String systemId,
        String method,
        String reason,
        Integer ossHttpStatus,
        Integer ossKode,
        String ossKeterangan,
        int attempts,
        JsonNode attemptHistory,
        Instant deadLetteredAt,
        String originalQueue) {
}
