package id.ossgateway.delivery;

import id.ossgateway.envelope.Envelope;
import id.ossgateway.journal.JournalEvent;
import id.ossgateway.journal.MessageJournal;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers one document to its destination, on the calling thread: admit it (a copy of what the destination
 * already has is skipped; the attempt is recorded and committed before anything leaves), hand it over, and
 * settle the outcome — group-committed with the other deliveries of the moment by the {@link DeliveryLedger}.
 * A transient failure is retried here, with exponential backoff, up to {@code gateway.delivery.max-attempts};
 * a refusal or exhausted attempts make the document dead; an open circuit (or a stop) pauses it, which rolls
 * its batch back onto the queue untouched.
 */
@Component
class DocumentDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(DocumentDelivery.class);

    private final DeliveryLedger ledger;
    private final AttemptStore attempts;
    private final MessageJournal journal;
    private final RetryDelays delays;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final int maxAttempts;

    DocumentDelivery(DeliveryLedger ledger, AttemptStore attempts, MessageJournal journal, RetryDelays delays,
                     TransactionTemplate tx, ApplicationEventPublisher events, DeliveryProperties delivery) {
        this.ledger = ledger;
        this.attempts = attempts;
        this.journal = journal;
        this.delays = delays;
        this.tx = tx;
        this.events = events;
        this.maxAttempts = delivery.maxAttempts();
    }

    /** How one document ended in this batch. */
    sealed interface Outcome {
        /** Delivered, confirmed, or recognised as a copy: nothing left to do. */
        record Done() implements Outcome {
        }

        /** To the dead-letter queue, for this reason. */
        record Dead(DeadLetters.Verdict verdict) implements Outcome {
        }

        /** The destination's circuit is open or the consumer stops: the batch goes back to the queue. */
        record Paused() implements Outcome {
        }
    }

    Outcome deliver(Envelope e, Destination destination, BooleanSupplier stopping) {
        int infrastructureFailures = 0;
        int unconfirmed = 0;
        while (true) {
            if (destination.circuit().isOpen() || stopping.getAsBoolean()) {
                return new Outcome.Paused();
            }
            Admission admission;
            try {
                admission = admit(e, destination);
            } catch (DataAccessException | TransactionException ours) {
                // our own state database: wait for it, never dead-letter for it
                if (!pause(delays.nextDelayMillis(++infrastructureFailures, null), stopping)) {
                    return new Outcome.Paused();
                }
                continue;
            } catch (RuntimeException askingFailed) {
                // the destination could not say whether an earlier attempt arrived: ask again later
                destination.circuit().recordFailure(0, askingFailed);
                if (++unconfirmed >= maxAttempts) {
                    return new Outcome.Dead(DeadLetters.Verdict.of("could not confirm an earlier attempt after "
                            + unconfirmed + " tries: " + describe(askingFailed)));
                }
                if (destination.circuit().isOpen() || !pause(delays.nextDelayMillis(unconfirmed, null), stopping)) {
                    return new Outcome.Paused();
                }
                continue;
            }
            if (!(admission instanceof Admission.Send send)) {
                return new Outcome.Done();
            }
            Outcome outcome = attempt(e, destination, send, stopping);
            if (outcome != null) {
                return outcome;
            }
        }
    }

    /** Admits the document; resolves earlier attempts without outcome first. Send, or Skip when nothing is to send. */
    private Admission admit(Envelope e, Destination destination) {
        Admission admission = ledger.admit(e);
        if (admission instanceof Admission.Unresolved u) {
            if (reconciled(destination, e, u.open())) {
                return new Admission.Skip("confirmed by " + destination.name());
            }
            admission = ledger.admit(e); // the unresolved attempts count; the resend is one more
        }
        if (admission instanceof Admission.Unresolved) {
            throw new IllegalStateException("attempt outcomes of " + e.messageId() + " still unresolved");
        }
        return admission;
    }

    /** One attempt; null when it failed transiently and the caller should try again (after the backoff, done here). */
    private Outcome attempt(Envelope e, Destination destination, Admission.Send send, BooleanSupplier stopping) {
        AttemptStore.AttemptKey key = new AttemptStore.AttemptKey(e.messageId(), send.attemptNo());
        long started = System.nanoTime();
        Destination.Accepted accepted;
        try {
            accepted = destination.deliver(e);
        } catch (DeliveryRefusedException r) {
            long nanos = System.nanoTime() - started;
            attempts.finish(key, AttemptOutcome.REJECTED, r.httpStatus(), r.kode(), r.keterangan(), millis(nanos));
            destination.circuit().recordSuccess(nanos); // the destination answers; the document is the problem
            return new Outcome.Dead(new DeadLetters.Verdict(r.getMessage(), r.httpStatus(), r.kode(), r.keterangan()));
        } catch (Exception failure) {
            return failed(e, destination, send, key, System.nanoTime() - started, failure, stopping);
        }
        long nanos = System.nanoTime() - started;
        settle(e, destination, send, accepted, nanos, stopping);
        destination.circuit().recordSuccess(nanos);
        events.publishEvent(new RecordDelivered(e.messageId(), e.systemId(), e.method().path(), Duration.ofNanos(nanos)));
        if (accepted.permitNumber() == null) {
            LOG.info("delivered message={} id_izin={} method={} attempt={} latency={}ms", e.messageId(),
                    e.businessKey(), e.method().path(), send.attemptNo(), millis(nanos));
        } else {
            LOG.info("delivered message={} id_izin={} method={} attempt={} latency={}ms nomor_izin={}", e.messageId(),
                    e.businessKey(), e.method().path(), send.attemptNo(), millis(nanos), accepted.permitNumber());
        }
        return new Outcome.Done();
    }

    private Outcome failed(Envelope e, Destination destination, Admission.Send send, AttemptStore.AttemptKey key,
                           long nanos, Exception failure, BooleanSupplier stopping) {
        Integer status = failure instanceof DeliveryTransientException t ? t.httpStatus() : null;
        // a 2xx that is not a proper answer, or no answer at all (a timeout): it may have been taken
        boolean unknown = status != null ? status >= 200 && status < 300 : !neverSent(failure);
        String words = failure instanceof DeliveryTransientException t ? t.keterangan() : describe(failure);
        safely(() -> attempts.finish(key, unknown ? AttemptOutcome.UNKNOWN : AttemptOutcome.FAILED, status,
                failure instanceof DeliveryTransientException t ? t.kode() : null, words, millis(nanos)));
        if (!throttled(failure)) {
            // a 429 says "slower", not "down": it is honoured below (Retry-After) and does not feed the
            // breaker, which would otherwise probe and resend before the wait OSS asked for is over
            destination.circuit().recordFailure(nanos, failure);
            if (destination.circuit().isOpen()) {
                return new Outcome.Paused();
            }
        }
        if (send.attempts() >= maxAttempts) {
            String reason = "gave up after " + send.attempts() + " attempt(s): " + describe(failure);
            LOG.warn("dead-lettered message={} id_izin={} after {} attempt(s)", e.messageId(), e.businessKey(),
                    send.attempts());
            return new Outcome.Dead(new DeadLetters.Verdict(reason, status,
                    failure instanceof DeliveryTransientException t ? t.kode() : null, null));
        }
        Duration retryAfter = failure instanceof DeliveryTransientException t ? t.retryAfter() : null;
        long delay = delays.nextDelayMillis(Math.max(1, send.attempts()), retryAfter);
        safely(() -> journal.retrying(e.messageId(), send.attempts(), describe(failure) + "; next attempt in "
                + delay + " ms"));
        return pause(delay, stopping) ? null : new Outcome.Paused();
    }

    /** Records the acceptance; our own database failing here is waited out — the document must not be sent again. */
    private void settle(Envelope e, Destination destination, Admission.Send send, Destination.Accepted a, long nanos,
                        BooleanSupplier stopping) {
        DeliveryLedger.Settlement settlement = new DeliveryLedger.Settlement(e, send.attemptNo(), send.attempts(),
                a.httpStatus(), a.kode(), a.keterangan(), millis(nanos), a.permitNumber());
        for (int failures = 1; ; failures++) {
            try {
                ledger.settle(settlement);
                return;
            } catch (DataAccessException | TransactionException ours) {
                LOG.warn("delivered message={} but could not record it yet: {}", e.messageId(), ours.toString());
                if (!pause(delays.nextDelayMillis(failures, null), stopping)) {
                    // rolled back; the attempt has no outcome, so the redelivery asks the destination first
                    throw ours;
                }
            }
        }
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

    /** Waits, waking up to notice a stop; false when stopping. */
    private static boolean pause(long millis, BooleanSupplier stopping) {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        try {
            while (!stopping.getAsBoolean()) {
                long left = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime());
                if (left <= 0) {
                    return true;
                }
                Thread.sleep(Math.min(left, 200)); // a retry's backoff, not synchronisation
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    private static boolean throttled(Exception failure) {
        return failure instanceof DeliveryTransientException t && t.httpStatus() != null && t.httpStatus() == 429;
    }

    /** The request certainly did not reach the destination: no connection was made. */
    static boolean neverSent(Throwable cause) {
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

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
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
