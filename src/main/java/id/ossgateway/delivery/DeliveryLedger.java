package id.ossgateway.delivery;

import id.ossgateway.envelope.Envelope;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit of the state-database work around each POST, shared by all concurrent delivery consumers —
 * the way Artemis groups the journal syncs of concurrent commits. A consumer hands over its step (admit a
 * message before the POST, settle it after) and waits; one writer thread runs every step waiting at that
 * moment in one transaction with batched statements ({@link LedgerBatch}), commits once, and releases them
 * all. The consumer still continues only after its own step is committed, so the guarantees are those of a
 * transaction per step: the attempt is durable before the request leaves, the outcome before the message
 * leaves the queue.
 *
 * <p>If a group's transaction fails, its steps are run again one per transaction, so one step that cannot
 * commit (a constraint, a value too long) fails alone and the others go through.
 */
@Component
class DeliveryLedger implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryLedger.class);
    /** Upper bound of steps per transaction: keeps IN lists and statement batches small. */
    static final int MAX_GROUP = 256;

    private final LedgerBatch batch;
    private final TransactionTemplate tx;
    private final DistributionSummary groupSize;
    private final long lingerNanos;
    private final int lingerUntil;
    private final BlockingQueue<Step<?>> pending = new LinkedBlockingQueue<>();
    private volatile Thread writer;
    private volatile boolean running;

    DeliveryLedger(LedgerBatch batch, TransactionTemplate tx, MeterRegistry meters, DeliveryProperties delivery) {
        this.batch = batch;
        this.tx = tx;
        this.lingerNanos = delivery.ledgerLinger().toNanos();
        this.lingerUntil = Math.min(MAX_GROUP, delivery.concurrency());
        this.groupSize = DistributionSummary.builder("gateway.delivery.ledger.group.size")
                .description("delivery steps committed together in one state-database transaction")
                .register(meters);
    }

    /** Before a POST: is the message still to be sent, and if so its attempt, recorded and committed. */
    Admission admit(Envelope envelope) {
        return await(new Step<>(new Admit(envelope)));
    }

    /** After OSS accepted: attempt outcome, idempotency record, message state and journal, committed. */
    void settle(Settlement settlement) {
        await(new Step<>(settlement));
    }

    private <T> T await(Step<T> step) {
        if (!running) {
            // not started yet or stopping: do it alone rather than wait for a writer that is not there
            runAlone(List.of(step));
        } else {
            pending.add(step);
        }
        try {
            return step.result.get(5, TimeUnit.MINUTES);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the delivery ledger did not commit in 5 minutes", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the delivery ledger", e);
        }
    }

    private void writeLoop() {
        List<Step<?>> group = new ArrayList<>(MAX_GROUP);
        while (running || !pending.isEmpty()) {
            try {
                Step<?> first = pending.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                pending.drainTo(group, MAX_GROUP - 1);
                linger(group);
                runGroup(group);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("delivery ledger: unexpected failure, steps failed: {}", e.toString());
                group.forEach(s -> s.result.completeExceptionally(e));
            } finally {
                group.clear();
            }
        }
    }

    /**
     * Waits a little for more steps while the group is smaller than the number of delivery workers: a commit
     * costs about the same for 5 steps as for 30, so a few hundred microseconds of waiting buy fewer commits.
     */
    private void linger(List<Step<?>> group) throws InterruptedException {
        long deadline = System.nanoTime() + lingerNanos;
        while (group.size() < lingerUntil) {
            long left = deadline - System.nanoTime();
            Step<?> next = left <= 0 ? null : pending.poll(left, TimeUnit.NANOSECONDS);
            if (next == null) {
                return;
            }
            group.add(next);
            pending.drainTo(group, MAX_GROUP - group.size());
        }
    }

    private void runGroup(List<Step<?>> group) {
        groupSize.record(group.size());
        List<Object> results;
        try {
            results = tx.execute(status -> batch.run(group.stream().map(s -> s.work).toList()));
        } catch (RuntimeException groupFailed) {
            if (group.size() == 1) {
                group.get(0).result.completeExceptionally(groupFailed);
                return;
            }
            LOG.debug("delivery ledger: a group of {} failed ({}), running its steps alone", group.size(),
                    groupFailed.toString());
            runAlone(group);
            return;
        }
        for (int i = 0; i < group.size(); i++) {
            group.get(i).complete(results.get(i));
        }
    }

    private void runAlone(List<Step<?>> steps) {
        for (Step<?> step : steps) {
            try {
                List<Object> one = tx.execute(status -> batch.run(List.of(step.work)));
                step.complete(one.get(0));
            } catch (RuntimeException e) {
                step.result.completeExceptionally(e);
            }
        }
    }

    @Override
    public void start() {
        running = true;
        writer = new Thread(this::writeLoop, "delivery-ledger");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public void stop() {
        running = false; // the loop drains what is pending, then ends
        Thread w = writer;
        if (w != null) {
            try {
                w.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the delivery consumers (which start later and stop earlier), so their last steps commit. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }

    /** The work of one step: what the writer runs. */
    sealed interface Work permits Admit, Settlement {
    }

    record Admit(Envelope envelope) implements Work {
    }

    /** A successful attempt: the destination's reply, how long it took, and the attempts since (re)queued. */
    record Settlement(Envelope envelope, int attemptNo, int attempts, Integer httpStatus, Integer kode,
                      String keterangan, long latencyMs, String nomorIzin) implements Work {
    }

    private static final class Step<T> {
        final Work work;
        final CompletableFuture<T> result = new CompletableFuture<>();

        Step(Work work) {
            this.work = work;
        }

        @SuppressWarnings("unchecked")
        void complete(Object value) {
            result.complete((T) value);
        }
    }
}
