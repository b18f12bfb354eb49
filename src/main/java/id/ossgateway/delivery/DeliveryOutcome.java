package id.ossgateway.delivery;

import static id.ossgateway.delivery.DeliveryExchange.ATTEMPT_NO;
import static id.ossgateway.delivery.DeliveryExchange.ATTEMPT_RECORDED;
import static id.ossgateway.delivery.DeliveryExchange.ATTEMPT_STARTED;
import static id.ossgateway.delivery.DeliveryExchange.ENVELOPE;

import id.ossgateway.envelope.Envelope;
import id.ossgateway.pia.PiaReply;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Reads OSS's reply to a POST and records the attempt's outcome. Success is committed with the
 * idempotency record; a refusal becomes {@link OssRejectedException} (dead-letter now), anything
 * else {@link OssTransientException} (retry with backoff).
 */
@Component("deliveryOutcome")
class DeliveryOutcome {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryOutcome.class);

    private final AttemptStore attempts;
    private final DeliveryLedger ledger;
    private final OssCircuit circuit;
    private final ApplicationEventPublisher events;

    DeliveryOutcome(AttemptStore attempts, DeliveryLedger ledger, OssCircuit circuit,
                    ApplicationEventPublisher events) {
        this.attempts = attempts;
        this.ledger = ledger;
        this.circuit = circuit;
        this.events = events;
    }

    public void complete(Exchange exchange) {
        Envelope e = exchange.getProperty(ENVELOPE, Envelope.class);
        int attemptNo = exchange.getProperty(ATTEMPT_NO, Integer.class);
        AttemptStore.AttemptKey attempt = new AttemptStore.AttemptKey(e.messageId(), attemptNo);
        long nanos = System.nanoTime() - exchange.getProperty(ATTEMPT_STARTED, Long.class);
        long millis = TimeUnit.NANOSECONDS.toMillis(nanos);
        Message m = exchange.getMessage();
        int status = m.getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        PiaReply reply = PiaReply.parse(status, m.getBody(String.class));
        int code = reply.effectiveCode();

        if (reply.isSuccess() && reply.kode() != null) {
            ledger.settle(new DeliveryLedger.Settlement(e, attemptNo, status, reply.kode(), reply.keterangan(), millis,
                    reply.nomorIzin(), "OSS " + reply.kode() + " " + nullToEmpty(reply.keterangan()) + " in " + millis
                            + " ms, attempt " + attemptNo
                            + (reply.nomorIzin() == null ? "" : ", nomor_izin " + reply.nomorIzin())));
            exchange.setProperty(ATTEMPT_RECORDED, true);
            circuit.recordSuccess(nanos);
            events.publishEvent(new RecordDelivered(e.messageId(), e.systemId(), e.method().path(),
                    Duration.ofNanos(nanos)));
            LOG.info("delivered message={} id_izin={} method={} attempt={} latency={}ms{}", e.messageId(),
                    e.businessKey(), e.method().path(), attemptNo, millis,
                    reply.nomorIzin() == null ? "" : " nomor_izin=" + reply.nomorIzin());
            return;
        }
        if (isRefusal(code)) {
            attempts.finish(attempt, AttemptOutcome.REJECTED, status, reply.kode(), reply.keterangan(), millis);
            exchange.setProperty(ATTEMPT_RECORDED, true);
            circuit.recordSuccess(nanos); // OSS is up and answering; the document is the problem
            throw new OssRejectedException(status, reply.kode(), reply.keterangan());
        }
        // a 2xx without a PIA reply may or may not have been taken: unknown, to be checked before resending
        AttemptOutcome outcome = status >= 200 && status < 300 ? AttemptOutcome.UNKNOWN : AttemptOutcome.FAILED;
        String keterangan = reply.kode() == null && outcome == AttemptOutcome.UNKNOWN
                ? "reply is not a PIA reply: " + nullToEmpty(reply.keterangan()) : reply.keterangan();
        attempts.finish(attempt, outcome, status, reply.kode(), keterangan, millis);
        exchange.setProperty(ATTEMPT_RECORDED, true);
        Duration retryAfter = RetryDelays.parseRetryAfter(m.getHeader("Retry-After", String.class), ZonedDateTime.now());
        throw new OssTransientException(status, reply.kode(), keterangan, retryAfter);
    }

    /** 400, 401, 403, 404, 405 and the other 4xx and 3xx: the same request cannot succeed later. */
    static boolean isRefusal(int code) {
        return code >= 300 && code < 500 && code != 408 && code != 429;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
