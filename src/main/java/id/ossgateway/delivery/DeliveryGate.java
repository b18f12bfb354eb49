package id.ossgateway.delivery;

import static id.ossgateway.delivery.DeliveryExchange.ATTEMPTS;
import static id.ossgateway.delivery.DeliveryExchange.ATTEMPT_NO;
import static id.ossgateway.delivery.DeliveryExchange.ATTEMPT_RECORDED;
import static id.ossgateway.delivery.DeliveryExchange.ATTEMPT_STARTED;
import static id.ossgateway.delivery.DeliveryExchange.ENVELOPE;
import static id.ossgateway.delivery.DeliveryExchange.PIA_PATH;
import static id.ossgateway.delivery.DeliveryExchange.SKIP;

import id.ossgateway.envelope.Envelope;
import id.ossgateway.envelope.EnvelopeCodec;
import id.ossgateway.journal.JournalEvent;
import id.ossgateway.journal.MessageJournal;
import java.util.List;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The steps before a POST: recognise copies of what OSS already has, settle attempts whose outcome is
 * unknown by asking OSS, and record the attempt that is about to leave.
 */
@Component("deliveryGate")
class DeliveryGate {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryGate.class);
    private final MessageJournal journal;
    private final AttemptStore attempts;
    private final DeliveryLedger ledger;
    private final OssQueries queries;
    private final OssCircuit circuit;
    private final OssCredentials credentials;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;

    DeliveryGate(MessageJournal journal, AttemptStore attempts, DeliveryLedger ledger, OssQueries queries,
                 OssCircuit circuit, OssCredentials credentials, TransactionTemplate tx,
                 ApplicationEventPublisher events) {
        this.journal = journal;
        this.attempts = attempts;
        this.ledger = ledger;
        this.queries = queries;
        this.circuit = circuit;
        this.credentials = credentials;
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
     * Prepares one attempt: throws {@link OssUnavailableException} while the circuit is open; otherwise the
     * ledger checks for copies of what OSS already has and records the attempt, committed before the POST.
     * When an earlier attempt has no known outcome, asks OSS first and skips the POST if OSS already has it.
     */
    public void beginAttempt(Exchange exchange) {
        Envelope e = exchange.getProperty(ENVELOPE, Envelope.class);
        if (circuit.isOpen()) {
            throw new OssUnavailableException();
        }
        Admission admission = ledger.admit(e, true);
        if (admission instanceof Admission.Unresolved u) {
            // asking OSS counts as the attempt, so a permit OSS cannot answer for ends in the DLQ, not a loop
            exchange.setProperty(ATTEMPTS, u.attempts());
            if (alreadyInOss(e, u.open())) {
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
        exchange.setProperty(PIA_PATH, e.method().path());

        // only what OSS needs travels: JMS and Camel headers would otherwise become HTTP headers
        Message m = exchange.getMessage();
        m.removeHeaders("*");
        m.setHeader(Exchange.HTTP_METHOD, "POST");
        m.setHeader(Exchange.CONTENT_TYPE, "application/json");
        m.setHeader("Accept", "application/json");
        m.setHeader("user_key", credentials.userKey());
        m.setBody(e.document().toString());
        exchange.setProperty(ATTEMPT_STARTED, System.nanoTime());
    }

    /**
     * An attempt without a recorded outcome (a crash, a timeout) may have reached OSS. OSS has the
     * document if it now holds its status, unless an earlier document of the same permit carried the
     * same status: then the check cannot tell them apart, and resending is the safe side.
     */
    private boolean alreadyInOss(Envelope e, List<Attempt> open) {
        Optional<String> current = queries.currentStatus(e.businessKey());
        boolean has = current.isPresent() && current.get().equals(e.statusCode())
                && !attempts.otherDeliveredWithStatus(e);
        String seen = "checkLicenseStatus: OSS holds status " + current.orElse("none") + " for " + e.businessKey();
        tx.executeWithoutResult(status -> {
            if (has) {
                attempts.resolve(open, AttemptOutcome.CONFIRMED, seen);
                attempts.recordDelivered(e, null);
                journal.markDelivered(e.messageId(), null, JournalEvent.RECONCILED,
                        seen + ": the earlier attempt arrived, not sent again");
            } else {
                attempts.resolve(open, AttemptOutcome.NOT_CONFIRMED, seen);
                journal.append(e.messageId(), JournalEvent.RECONCILED, seen + ": the earlier attempt did not arrive,"
                        + " sending again");
            }
        });
        if (has) {
            events.publishEvent(new RecordDelivered(e.messageId(), e.systemId(), e.method().path(), null));
            LOG.info("delivered message={} id_izin={} method={} confirmed by checkLicenseStatus", e.messageId(),
                    e.businessKey(), e.method().path());
        }
        return has;
    }
}
