package id.ossgateway.observability;

/** Counts the messages waiting in a queue of the broker. */
interface QueueCounter {

    /** The number of messages in the queue; NaN when the broker cannot tell right now. */
    double count(String queue);

    /** How the count is taken, for the meter's description and the log. */
    String how();
}
