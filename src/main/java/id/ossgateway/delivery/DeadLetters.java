package id.ossgateway.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import id.ossgateway.envelope.Envelope;
import id.ossgateway.envelope.EnvelopeCodec;
import id.ossgateway.journal.JournalEvent;
import id.ossgateway.journal.MessageJournal;
import id.ossgateway.journal.MessageState;
import java.time.Instant;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Turns a failed exchange into a dead letter: the original envelope as body, and in headers the reason,
 * OSS's code and message, the original queue and the attempt history, so an operator sees why without
 * opening the database, and a replay knows where to send it back.
 */
@Component("deadLetters")
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
    private final String queue;
    private final ApplicationEventPublisher events;

    DeadLetters(MessageJournal journal, AttemptStore attempts, DeliveryProperties delivery,
                ApplicationEventPublisher events) {
        this.journal = journal;
        this.attempts = attempts;
        this.queue = delivery.queue();
        this.events = events;
    }

    /** The route's handler for refusals by OSS and bodies that are not envelopes. */
    public void refused(Exchange exchange) {
        Throwable cause = DeliveryFailures.cause(exchange);
        if (cause instanceof DeliveryRefusedException r) {
            prepare(exchange, r.getMessage(), r.httpStatus(), r.kode(), r.keterangan());
        } else {
            prepare(exchange, "not a gateway envelope: " + cause.getMessage(), null, null, null);
        }
    }

    void prepare(Exchange exchange, String reason, Integer httpStatus, Integer kode, String keterangan) {
        Envelope e = DeliveryExchange.envelope(exchange);
        Message m = exchange.getMessage();
        String originalBody = e == null ? exchange.getIn().getBody(String.class) : EnvelopeCodec.write(e);
        m.removeHeaders("*");
        m.setBody(originalBody);
        m.setHeader(REASON, reason);
        m.setHeader(ORIGINAL_QUEUE, exchange.getProperty(DeliveryExchange.QUEUE, queue, String.class));
        m.setHeader(DEAD_LETTERED_AT, Instant.now().toString());
        if (httpStatus != null) {
            m.setHeader(HTTP_STATUS, httpStatus);
        }
        if (kode != null) {
            m.setHeader(OSS_KODE, kode);
        }
        if (keterangan != null) {
            m.setHeader(OSS_KETERANGAN, keterangan);
        }
        if (e != null) {
            m.setHeader(MESSAGE_ID, e.messageId());
            m.setHeader(GROUP, e.businessKey());
            m.setHeader(ATTEMPTS, history(attempts.history(e.messageId())));
            journal.transition(e.messageId(), MessageState.DEAD_LETTERED, JournalEvent.DEAD_LETTERED, reason);
        }
        events.publishEvent(new RecordDeadLettered(e == null ? null : e.messageId(), e == null ? null : e.systemId()));
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
