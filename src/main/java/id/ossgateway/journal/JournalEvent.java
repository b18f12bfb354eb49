package id.ossgateway.journal;

import java.time.Instant;

/**
 * One hop of a message, as shown in its journey. Delivery attempts are not events: each is a row of its own
 * with OSS's reply and latency ({@link JourneyAttempt}); {@code RETRY} says what the gateway decided after one.
 */
public record JournalEvent(long id, String messageId, Instant at, String event, String detail, String node) {

    public static final String RECEIVED = "RECEIVED";
    public static final String MAPPED = "MAPPED";
    public static final String QUEUED = "QUEUED";
    public static final String RECONCILED = "RECONCILED";
    public static final String DELIVERED = "DELIVERED";
    public static final String DUPLICATE = "DUPLICATE";
    public static final String RETRY = "RETRY";
    public static final String DEAD_LETTERED = "DEAD_LETTERED";
    public static final String REPLAYED = "REPLAYED";
    public static final String DISCARDED = "DISCARDED";
}
