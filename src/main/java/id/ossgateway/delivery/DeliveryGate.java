package id.ossgateway.delivery;

import static id.ossgateway.delivery.DeliveryExchange.ATTEMPTS;
import static id.ossgateway.delivery.DeliveryExchange.ATTEMPT_ID;
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
import id.ossgateway.journal.MessageState;
import id.ossgateway.journal.StoredMessage;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
    private static final Set<MessageState> FINISHED =
            Set.of(MessageState.DELIVERED, MessageState.DUPLICATE, MessageState.DISCARDED);

    private final MessageJournal journal;
    private final AttemptStore attempts;
    private final OssQueries queries;
    private final OssCircuit circuit;
    private final OssCredentials credentials;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;

    DeliveryGate(MessageJournal journal, AttemptStore attempts, OssQueries queries, OssCircuit circuit,
                 OssCredentials credentials, TransactionTemplate tx, ApplicationEventPublisher events) {
        this.journal = journal;
        this.attempts = attempts;
        this.queries = queries;
        this.circuit = circuit;
        this.credentials = credentials;
        this.tx = tx;
        this.events = events;
    }

    /** Reads the envelope and decides whether the message still needs sending. */
    public void open(Exchange exchange) {
        Envelope e = EnvelopeCodec.read(exchange.getMessage().getBody(String.class));
        exchange.setProperty(ENVELOPE, e);
        MessageIdMdc.put(e.messageId()); // also for messages queued without the header
        tx.executeWithoutResult(status -> {
            Optional<StoredMessage> stored = journal.find(e.messageId());
            if (stored.isEmpty()) {
                journal.recordAccepted(List.of(e)); // queued by another path (an older node, a manual move)
            } else if (FINISHED.contains(stored.get().state())) {
                journal.append(e.messageId(), JournalEvent.DUPLICATE,
                        "another copy of this message, already " + stored.get().state() + ": not sent");
                exchange.setProperty(SKIP, true);
                return;
            }
            Optional<String> deliveredBy = attempts.deliveredBy(e);
            if (deliveredBy.isPresent()) {
                journal.transition(e.messageId(), MessageState.DUPLICATE, JournalEvent.DUPLICATE,
                        "OSS already has this content for " + e.businessKey() + " (message " + deliveredBy.get()
                                + "): not sent");
                LOG.info("duplicate suppressed message={} id_izin={} same as message={}", e.messageId(),
                        e.businessKey(), deliveredBy.get());
                exchange.setProperty(SKIP, true);
            }
        });
    }

    /**
     * Prepares one attempt. Throws {@link OssUnavailableException} while the circuit is open. When an
     * earlier attempt has no known outcome, asks OSS first and skips the POST if OSS already has it.
     */
    public void beginAttempt(Exchange exchange) {
        Envelope e = exchange.getProperty(ENVELOPE, Envelope.class);
        if (circuit.isOpen()) {
            throw new OssUnavailableException();
        }
        List<Attempt> unresolved = attempts.unresolved(e.messageId());
        boolean counted = false;
        if (!unresolved.isEmpty()) {
            // asking OSS counts as an attempt, so a permit OSS cannot answer for ends in the DLQ, not a loop
            exchange.setProperty(ATTEMPTS, tx.execute(s -> journal.countAttempt(e.messageId())));
            counted = true;
            if (alreadyInOss(e, unresolved)) {
                exchange.setProperty(SKIP, true);
                return;
            }
        }
        boolean count = !counted;
        long[] attempt = tx.execute(status -> {
            int sinceQueued = count ? journal.countAttempt(e.messageId()) : exchange.getProperty(ATTEMPTS, Integer.class);
            int no = attempts.nextAttemptNo(e.messageId());
            return new long[] {attempts.start(e.messageId(), no), no, sinceQueued};
        });
        exchange.setProperty(ATTEMPT_ID, attempt[0]);
        exchange.setProperty(ATTEMPT_NO, (int) attempt[1]);
        exchange.setProperty(ATTEMPTS, (int) attempt[2]);
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
