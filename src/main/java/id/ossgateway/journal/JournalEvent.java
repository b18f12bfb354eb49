package id.ossgateway.journal;

import java.time.Instant;

/** One hop of a message, as shown in its journey. */
public record JournalEvent(long id, String messageId, Instant at, String event, String detail, String node) {

    public static final String RECEIVED = "RECEIVED";
    public static final String QUEUED = "QUEUED";
    public static final String RECONCILED = "RECONCILED";
    public static final String DELIVERED = "DELIVERED";
    public static final String DUPLICATE = "DUPLICATE";
    public static final String RETRY = "RETRY";
    public static final String DEAD_LETTERED = "DEAD_LETTERED";
    public static final String REPLAYED = "REPLAYED";
    public static final String DISCARDED = "DISCARDED";
}
