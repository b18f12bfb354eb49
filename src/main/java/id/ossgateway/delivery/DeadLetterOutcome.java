package id.ossgateway.delivery;

/**
 * What became of one message an operator selected for replay or discard.
 *
 * @param outcome {@code REPLAYED}, {@code DISCARDED}, {@code NOT_FOUND} (not in the dead-letter queue),
 *                {@code REFUSED} (a body that is not a gateway envelope cannot be replayed) or {@code FAILED}
 *                (the broker or database failed: the message is still in the dead-letter queue)
 */
public record DeadLetterOutcome(String messageId, String outcome, String detail) {

    static final String REPLAYED = "REPLAYED";
    static final String DISCARDED = "DISCARDED";
    static final String NOT_FOUND = "NOT_FOUND";
    static final String REFUSED = "REFUSED";
    static final String FAILED = "FAILED";
}
