package id.ossgateway.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import id.ossgateway.envelope.Envelope;
import id.ossgateway.envelope.EnvelopeCodec;
import id.ossgateway.journal.JournalEvent;
import id.ossgateway.journal.MessageJournal;
import id.ossgateway.journal.MessageState;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.time.Instant;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Moves a message to the dead-letter queue: the original envelope as body, and as properties the reason, the
 * destination's code and message, the original queue and the attempt history, so an operator sees why without
 * opening the database, and a replay knows where to send it back. Sent in the consuming batch's session, so
 * the message leaves its queue and enters the dead-letter queue in one broker transaction.
 */
@Component
class DeadLetters {

    static final String MESSAGE_ID = "GatewayMessageId";
    static final String REASON = "GatewayReason";
    static final String HTTP_STATUS = "GatewayOssHttpStatus";
    static final String OSS_KODE = "GatewayOssKode";
    static final String OSS_KETERANGAN = "GatewayOssKeterangan";
    static final String ATTEMPTS = "GatewayAttempts";
    static final String ORIGINAL_QUEUE = "GatewayOriginalQueue";
    static final String DEAD_LETTERED_AT = "GatewayDeadLetteredAt";
    static final String GROUP = "JMSXGroupID";
    private static final int HISTORY = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MessageJournal journal;
    private final AttemptStore attempts;
    private final String deadLetterQueue;
    private final ApplicationEventPublisher events;

    DeadLetters(MessageJournal journal, AttemptStore attempts, DeliveryProperties delivery,
                ApplicationEventPublisher events) {
        this.journal = journal;
        this.attempts = attempts;
        this.deadLetterQueue = delivery.deadLetterQueue();
        this.events = events;
    }

    /** Why a message is dead: the reason and, when the destination answered, its status, code and words. */
    record Verdict(String reason, Integer httpStatus, Integer kode, String keterangan) {

        static Verdict of(String reason) {
            return new Verdict(reason, null, null, null);
        }
    }

    /** Dead-letters an envelope: journal DEAD_LETTERED (in the state database) and the message, in {@code session}. */
    void send(Session session, String originalQueue, Envelope e, Verdict verdict) throws JMSException {
        TextMessage m = session.createTextMessage(EnvelopeCodec.write(e));
        m.setStringProperty(MESSAGE_ID, e.messageId());
        if (e.businessKey() != null) {
            m.setStringProperty(GROUP, e.businessKey());
        }
        m.setStringProperty(ATTEMPTS, history(attempts.history(e.messageId())));
        journal.transition(e.messageId(), MessageState.DEAD_LETTERED, JournalEvent.DEAD_LETTERED, verdict.reason());
        send(session, m, originalQueue, verdict);
        events.publishEvent(new RecordDeadLettered(e.messageId(), e.systemId()));
    }

    /** Dead-letters a message whose body is not an envelope, as it came. */
    void sendMalformed(Session session, String originalQueue, String body, String reason) throws JMSException {
        send(session, session.createTextMessage(body), originalQueue, Verdict.of(reason));
        events.publishEvent(new RecordDeadLettered(null, null));
    }

    private void send(Session session, TextMessage m, String originalQueue, Verdict v) throws JMSException {
        m.setStringProperty(REASON, v.reason());
        m.setStringProperty(ORIGINAL_QUEUE, originalQueue);
        m.setStringProperty(DEAD_LETTERED_AT, Instant.now().toString());
        if (v.httpStatus() != null) {
            m.setIntProperty(HTTP_STATUS, v.httpStatus());
        }
        if (v.kode() != null) {
            m.setIntProperty(OSS_KODE, v.kode());
        }
        if (v.keterangan() != null) {
            m.setStringProperty(OSS_KETERANGAN, v.keterangan());
        }
        try (MessageProducer producer = session.createProducer(session.createQueue(deadLetterQueue))) {
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            producer.send(m);
        }
    }

    private static String history(List<Attempt> all) {
        ArrayNode list = JSON.createArrayNode();
        all.stream().skip(Math.max(0, all.size() - HISTORY)).forEach(a -> list.addObject()
                .put("attempt", a.attemptNo())
                .put("at", String.valueOf(a.startedAt()))
                .put("outcome", String.valueOf(a.outcome()))
                .put("httpStatus", a.httpStatus())
                .put("kode", a.ossKode())
                .put("keterangan", a.keterangan())
                .put("latencyMs", a.latencyMs()));
        return list.toString();
    }
}
