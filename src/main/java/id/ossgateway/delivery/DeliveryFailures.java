package id.ossgateway.delivery;

import static id.ossgateway.delivery.DeliveryExchange.ATTEMPTS;
import static id.ossgateway.delivery.DeliveryExchange.ATTEMPT_NO;
import static id.ossgateway.delivery.DeliveryExchange.ATTEMPT_RECORDED;
import static id.ossgateway.delivery.DeliveryExchange.ATTEMPT_STARTED;
import static id.ossgateway.delivery.DeliveryExchange.DEAD_LETTER;
import static id.ossgateway.delivery.DeliveryExchange.IN_FLIGHT;
import static id.ossgateway.delivery.DeliveryExchange.RETRY;

import id.ossgateway.envelope.Envelope;
import id.ossgateway.journal.JournalEvent;
import id.ossgateway.journal.MessageJournal;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

/**
 * What happens when an attempt fails with anything but a refusal. Runs right after the failure
 * ({@code onExceptionOccurred}), before Camel decides whether to redeliver: it records the attempt's
 * outcome when the failure came before a reply (connection refused: not sent; timeout: unknown), tells
 * the destination's circuit breaker, and sets both the verdict ({@code retryWhile} reads it) and the next
 * delay. A failure while the destination was being called is the destination's (retried up to
 * {@code max-attempts}, then dead-lettered); one of our own state database or broker outside that call is
 * waited out, never dead-lettered.
 */
@Component("deliveryFailures")
class DeliveryFailures {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryFailures.class);

    private final MessageJournal journal;
    private final AttemptStore attempts;
    private final RetryDelays delays;
    private final DeadLetters deadLetters;
    private final int maxAttempts;

    DeliveryFailures(MessageJournal journal, AttemptStore attempts, RetryDelays delays,
                     DeadLetters deadLetters, DeliveryProperties delivery) {
        this.journal = journal;
        this.attempts = attempts;
        this.delays = delays;
        this.deadLetters = deadLetters;
        this.maxAttempts = delivery.maxAttempts();
    }

    /** The {@code onExceptionOccurred} hook of the delivery route. */
    public void failed(Exchange exchange) {
        Throwable cause = cause(exchange);
        Envelope e = DeliveryExchange.envelope(exchange);
        Integer attemptNo = exchange.getProperty(ATTEMPT_NO, Integer.class);
        Long started = exchange.getProperty(ATTEMPT_STARTED, Long.class);
        long nanos = started == null ? 0 : System.nanoTime() - started;
        if (attemptNo != null && e != null && !exchange.getProperty(ATTEMPT_RECORDED, false, Boolean.class)) {
            AttemptOutcome outcome = neverSent(cause) ? AttemptOutcome.FAILED : AttemptOutcome.UNKNOWN;
            safely(() -> attempts.finish(new AttemptStore.AttemptKey(e.messageId(), attemptNo), outcome, null, null,
                    describe(cause), nanos / 1_000_000));
        }
        boolean destinationFailure = cause instanceof DeliveryTransientException
                || exchange.getProperty(IN_FLIGHT, false, Boolean.class);
        exchange.removeProperty(ATTEMPT_NO);
        exchange.removeProperty(ATTEMPT_RECORDED);
        exchange.removeProperty(IN_FLIGHT);

        DestinationCircuit circuit = DeliveryExchange.destination(exchange).circuit();
        if (destinationFailure) {
            circuit.recordFailure(nanos, cause);
        }
        int attemptsSoFar = exchange.getProperty(ATTEMPTS, 0, Integer.class);
        boolean retry;
        if (cause instanceof DestinationUnavailableException || (destinationFailure && circuit.isOpen())) {
            retry = false; // back to the queue; the consumer pauses until the destination answers a probe
        } else if (!destinationFailure && isInfrastructure(cause)) {
            retry = true; // our own database or broker: wait for it, never dead-letter for it
        } else if (destinationFailure) {
            retry = attemptsSoFar < maxAttempts;
        } else {
            int redeliveries = exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class);
            retry = redeliveries + 1 < maxAttempts; // a bug or bad data of ours: bounded like the destination's
        }
        exchange.setProperty(RETRY, retry);
        if (retry) {
            Duration retryAfter = cause instanceof DeliveryTransientException t ? t.retryAfter() : null;
            long delay = delays.nextDelayMillis(Math.max(1, attemptsSoFar), retryAfter);
            exchange.getMessage().setHeader(Exchange.REDELIVERY_DELAY, delay);
            if (e != null) {
                safely(() -> journal.append(e.messageId(), JournalEvent.RETRY,
                        describe(cause) + "; next attempt in " + delay + " ms"));
            }
        }
    }

    /** Handles a failure that will not be retried here: back to the queue, or to the dead-letter queue. */
    public void exhausted(Exchange exchange) {
        Throwable cause = cause(exchange);
        Envelope e = DeliveryExchange.envelope(exchange);
        if (cause instanceof DestinationUnavailableException || DeliveryExchange.destination(exchange).circuit().isOpen()) {
            exchange.setRollbackOnly(true);
            return;
        }
        int attemptsSoFar = exchange.getProperty(ATTEMPTS, 0, Integer.class);
        String reason = "gave up after " + attemptsSoFar + " attempt(s): " + describe(cause);
        if (cause instanceof DeliveryTransientException t) {
            deadLetters.prepare(exchange, reason, t.httpStatus(), t.kode(), null);
        } else {
            deadLetters.prepare(exchange, reason, null, null, null);
        }
        exchange.setProperty(DEAD_LETTER, true);
        if (e != null) {
            LOG.warn("dead-lettered message={} id_izin={} after {} attempt(s)", e.messageId(), e.businessKey(),
                    attemptsSoFar);
        }
    }

    static Throwable cause(Exchange exchange) {
        Throwable t = exchange.getException();
        return t != null ? t : exchange.getProperty(ExchangePropertyKey.EXCEPTION_CAUGHT, Throwable.class);
    }

    private static boolean isInfrastructure(Throwable cause) {
        return cause instanceof DataAccessException || cause instanceof TransactionException
                || cause instanceof jakarta.jms.JMSException || cause instanceof org.springframework.jms.JmsException;
    }

    /** The request certainly did not reach the destination: no connection was made. */
    private static boolean neverSent(Throwable cause) {
        return cause instanceof ConnectException || cause instanceof UnknownHostException
                || cause instanceof NoRouteToHostException
                // HttpClient 5 reports a connect timeout as an InterruptedIOException subclass
                || cause.getClass().getSimpleName().equals("ConnectTimeoutException");
    }

    static String describe(Throwable cause) {
        if (cause instanceof DeliveryTransientException || cause instanceof DeliveryRefusedException) {
            return cause.getMessage();
        }
        String name = cause.getClass().getSimpleName();
        return cause.getMessage() == null ? name : name + ": " + cause.getMessage();
    }

    private static void safely(Runnable journalWrite) {
        try {
            journalWrite.run();
        } catch (RuntimeException e) {
            // the state database may be the very thing that failed; the retry will try again
            LOG.warn("could not journal a delivery failure: {}", e.toString());
        }
    }
}
