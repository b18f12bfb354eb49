package id.ossgateway.delivery;

import static id.ossgateway.delivery.DeliveryExchange.ATTEMPTS;
import static id.ossgateway.delivery.DeliveryExchange.ATTEMPT_NO;
import static id.ossgateway.delivery.DeliveryExchange.ATTEMPT_RECORDED;
import static id.ossgateway.delivery.DeliveryExchange.ATTEMPT_STARTED;
import static id.ossgateway.delivery.DeliveryExchange.ENVELOPE;
import static id.ossgateway.delivery.DeliveryExchange.IN_FLIGHT;
import static id.ossgateway.delivery.DeliveryExchange.SKIP;

import id.ossgateway.envelope.Envelope;
import id.ossgateway.envelope.EnvelopeCodec;
import id.ossgateway.journal.JournalEvent;
import id.ossgateway.journal.MessageJournal;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The steps before a document leaves: recognise copies of what the destination already has, settle
 * attempts whose outcome is unknown by asking the destination, and record the attempt that is about to leave.
 */
@Component("deliveryGate")
class DeliveryGate {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryGate.class);

    private final MessageJournal journal;
    private final AttemptStore attempts;
    private final DeliveryLedger ledger;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;

    DeliveryGate(MessageJournal journal, AttemptStore attempts, DeliveryLedger ledger, TransactionTemplate tx,
                 ApplicationEventPublisher events) {
        this.journal = journal;
        this.attempts = attempts;
        this.ledger = ledger;
        this.tx = tx;
        this.events = events;
    }

    /** Reads the envelope; whether it still needs sending is decided with each attempt. */
    public void open(Exchange exchange) {
        Envelope e = EnvelopeCodec.read(exchange.getMessage().getBody(String.class));
        exchange.setProperty(ENVELOPE, e);
        MessageIdMdc.put(e.messageId()); // also for messages queued without the header
    }

    /**
     * Prepares one attempt: throws {@link DestinationUnavailableException} while the destination's circuit is
     * open; otherwise the ledger checks for copies of what the destination already has and records the
     * attempt, committed before the request. When an earlier attempt has no known outcome, asks the
     * destination first and skips the request if it already has the document.
     */
    public void beginAttempt(Exchange exchange) {
        Envelope e = exchange.getProperty(ENVELOPE, Envelope.class);
        Destination destination = DeliveryExchange.destination(exchange);
        if (destination.circuit().isOpen()) {
            throw new DestinationUnavailableException(destination.name());
        }
        Admission admission = ledger.admit(e, true);
        if (admission instanceof Admission.Unresolved u) {
            // asking counts as the attempt, so a document the destination cannot answer for ends in the DLQ
            exchange.setProperty(ATTEMPTS, u.attempts());
            if (reconciled(destination, e, u.open())) {
                exchange.setProperty(SKIP, true);
                return;
            }
            admission = ledger.admit(e, false);
        }
        if (admission instanceof Admission.Skip) {
            exchange.setProperty(SKIP, true);
            return;
        }
        if (!(admission instanceof Admission.Send send)) {
            throw new IllegalStateException("attempt outcomes of " + e.messageId() + " still unresolved");
        }
        exchange.setProperty(ATTEMPT_NO, send.attemptNo());
        exchange.setProperty(ATTEMPTS, send.attempts());
        exchange.setProperty(ATTEMPT_RECORDED, false);

        // only what the destination needs travels: JMS and Camel headers would otherwise become HTTP headers
        Message m = exchange.getMessage();
        m.removeHeaders("*");
        destination.prepare(m, e);
        exchange.setProperty(ATTEMPT_STARTED, System.nanoTime());
        exchange.setProperty(IN_FLIGHT, true);
    }

    /** Asks the destination about earlier attempts without outcome; true when it has the document. */
    private boolean reconciled(Destination destination, Envelope e, List<Attempt> open) {
        Destination.Confirmation c = destination.confirm(e);
        tx.executeWithoutResult(status -> {
            if (c.has()) {
                attempts.resolve(open, AttemptOutcome.CONFIRMED, c.seen());
                attempts.recordDelivered(e, null);
                journal.markDelivered(e.messageId(), null, JournalEvent.RECONCILED,
                        c.seen() + ": the earlier attempt arrived, not sent again");
            } else {
                attempts.resolve(open, AttemptOutcome.NOT_CONFIRMED, c.seen());
                journal.append(e.messageId(), JournalEvent.RECONCILED, c.seen() + ": the earlier attempt did not"
                        + " arrive or cannot be confirmed, sending again");
            }
        });
        if (c.has()) {
            events.publishEvent(new RecordDelivered(e.messageId(), e.systemId(), e.method().path(), null));
            LOG.info("delivered message={} id_izin={} method={} to={} confirmed: {}", e.messageId(), e.businessKey(),
                    e.method().path(), destination.name(), c.seen());
        }
        return c.has();
    }
}
