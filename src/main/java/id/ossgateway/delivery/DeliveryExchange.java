package id.ossgateway.delivery;

import id.ossgateway.envelope.Envelope;
import org.apache.camel.Exchange;

/** Exchange properties the steps of the delivery route hand to each other. */
final class DeliveryExchange {

    static final String ENVELOPE = "gatewayEnvelope";
    /** The message needs no POST: a duplicate, or reconciliation showed OSS already has it. */
    static final String SKIP = "gatewaySkip";
    static final String PIA_PATH = "gatewayPiaPath";
    static final String ATTEMPT_NO = "gatewayAttemptNo";
    /** Transient attempts since the message was queued (persisted, survives restarts). */
    static final String ATTEMPTS = "gatewayAttempts";
    static final String ATTEMPT_STARTED = "gatewayAttemptStarted";
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
}
