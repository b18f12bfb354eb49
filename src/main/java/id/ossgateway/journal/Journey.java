package id.ossgateway.journal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Everything the gateway knows about one message: its envelope and state, the PIA document (masked unless the
 * reader is an operator), every hop in order and every attempt with OSS's reply and latency.
 */
public record Journey(StoredMessage message, JsonNode document, List<JournalEvent> events,
                      List<JourneyAttempt> attempts) {
}
