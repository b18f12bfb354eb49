package id.ossgateway.delivery;

import id.ossgateway.envelope.Envelope;
import org.apache.camel.Exchange;

/** Exchange properties the steps of a delivery route hand to each other. */
final class DeliveryExchange {

    static final String ENVELOPE = "gatewayEnvelope";
    /** The route's {@link Destination}, set by the route itself. */
    static final String DESTINATION = "gatewayDestination";
    /** The queue the route consumes, where a dead letter is replayed to. */
    static final String QUEUE = "gatewayQueue";
    /** The message needs no sending: a duplicate, or reconciliation showed the destination already has it. */
    static final String SKIP = "gatewaySkip";
    static final String ATTEMPT_NO = "gatewayAttemptNo";
    /** Transient attempts since the message was queued (persisted, survives restarts). */
    static final String ATTEMPTS = "gatewayAttempts";
    static final String ATTEMPT_STARTED = "gatewayAttemptStarted";
    /** True from just before the destination is called until its answer is back: a failure then is the destination's. */
    static final String IN_FLIGHT = "gatewayInFlight";
    /** Set when the outcome of the current attempt is recorded, so failure handling does not record it twice. */
    static final String ATTEMPT_RECORDED = "gatewayAttemptRecorded";
    /** The failure handler's verdict: retry in-process (true), or give up (false). */
    static final String RETRY = "gatewayRetry";
    static final String DEAD_LETTER = "gatewayDeadLetter";

    private DeliveryExchange() {
    }

    static Envelope envelope(Exchange exchange) {
        return exchange.getProperty(ENVELOPE, Envelope.class);
    }

    static Destination destination(Exchange exchange) {
        return exchange.getProperty(DESTINATION, Destination.class);
    }
}
