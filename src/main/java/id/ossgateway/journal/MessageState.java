package id.ossgateway.journal;

/** Where a message stands. */
public enum MessageState {
    /** On the outbound queue, waiting for or in delivery. */
    QUEUED,
    /** OSS acknowledged it (or confirmed it already had it). */
    DELIVERED,
    /** OSS refused it, or it failed too often: in the dead-letter queue, waiting for an operator. */
    DEAD_LETTERED,
    /** OSS already had identical content for this permit: not sent again. */
    DUPLICATE,
    /** An operator discarded it from the dead-letter queue, with a reason. */
    DISCARDED
}
