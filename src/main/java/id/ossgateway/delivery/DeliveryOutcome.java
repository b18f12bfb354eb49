package id.ossgateway.delivery;

import static id.ossgateway.delivery.DeliveryExchange.ATTEMPT_NO;
import static id.ossgateway.delivery.DeliveryExchange.ATTEMPT_RECORDED;
import static id.ossgateway.delivery.DeliveryExchange.ATTEMPT_STARTED;
import static id.ossgateway.delivery.DeliveryExchange.ENVELOPE;
import static id.ossgateway.delivery.DeliveryExchange.IN_FLIGHT;

import id.ossgateway.envelope.Envelope;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Reads the destination's answer and records the attempt's outcome. Success is settled through the
 * {@link DeliveryLedger} (outcome, idempotency record, state, journal, group-committed); a refusal is recorded
 * and rethrown (dead-letter now), anything else recorded and rethrown (retry with backoff).
 */
@Component("deliveryOutcome")
class DeliveryOutcome {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryOutcome.class);

    private final AttemptStore attempts;
    private final DeliveryLedger ledger;
    private final ApplicationEventPublisher events;

    DeliveryOutcome(AttemptStore attempts, DeliveryLedger ledger, ApplicationEventPublisher events) {
        this.attempts = attempts;
        this.ledger = ledger;
        this.events = events;
    }

    public void complete(Exchange exchange) {
        exchange.setProperty(IN_FLIGHT, false);
        Envelope e = exchange.getProperty(ENVELOPE, Envelope.class);
        Destination destination = DeliveryExchange.destination(exchange);
        int attemptNo = exchange.getProperty(ATTEMPT_NO, Integer.class);
        AttemptStore.AttemptKey attempt = new AttemptStore.AttemptKey(e.messageId(), attemptNo);
        long nanos = System.nanoTime() - exchange.getProperty(ATTEMPT_STARTED, Long.class);
        long millis = TimeUnit.NANOSECONDS.toMillis(nanos);

        Destination.Accepted accepted;
        try {
            accepted = destination.read(exchange.getMessage(), e);
        } catch (DeliveryRefusedException r) {
            attempts.finish(attempt, AttemptOutcome.REJECTED, r.httpStatus(), r.kode(), r.keterangan(), millis);
            exchange.setProperty(ATTEMPT_RECORDED, true);
            destination.circuit().recordSuccess(nanos); // the destination is up and answering; the document is the problem
            throw r;
        } catch (DeliveryTransientException t) {
            // a 2xx that is not a proper answer may or may not have been taken: unknown, checked before resending
            boolean unknown = t.httpStatus() != null && t.httpStatus() >= 200 && t.httpStatus() < 300;
            attempts.finish(attempt, unknown ? AttemptOutcome.UNKNOWN : AttemptOutcome.FAILED, t.httpStatus(), t.kode(),
                    t.keterangan(), millis);
            exchange.setProperty(ATTEMPT_RECORDED, true);
            throw t;
        }
        ledger.settle(new DeliveryLedger.Settlement(e, attemptNo, accepted.httpStatus(), accepted.kode(),
                accepted.keterangan(), millis, accepted.permitNumber(), detail(destination, accepted, millis, attemptNo)));
        exchange.setProperty(ATTEMPT_RECORDED, true);
        destination.circuit().recordSuccess(nanos);
        events.publishEvent(new RecordDelivered(e.messageId(), e.systemId(), e.method().path(), Duration.ofNanos(nanos)));
        if (accepted.permitNumber() == null) {
            LOG.info("delivered message={} id_izin={} method={} attempt={} latency={}ms", e.messageId(),
                    e.businessKey(), e.method().path(), attemptNo, millis);
        } else {
            LOG.info("delivered message={} id_izin={} method={} attempt={} latency={}ms nomor_izin={}", e.messageId(),
                    e.businessKey(), e.method().path(), attemptNo, millis, accepted.permitNumber());
        }
    }

    private static String detail(Destination destination, Destination.Accepted a, long millis, int attemptNo) {
        StringBuilder sb = new StringBuilder(destination.name());
        if (a.kode() != null) {
            sb.append(' ').append(a.kode());
        }
        if (a.keterangan() != null) {
            sb.append(' ').append(a.keterangan());
        }
        sb.append(" in ").append(millis).append(" ms, attempt ").append(attemptNo);
        if (a.permitNumber() != null) {
            sb.append(", nomor_izin ").append(a.permitNumber());
        }
        return sb.toString();
    }
}
