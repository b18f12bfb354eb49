package id.ossgateway.delivery;

import static id.ossgateway.delivery.DeadLetterOutcome.DISCARDED;
import static id.ossgateway.delivery.DeadLetterOutcome.FAILED;
import static id.ossgateway.delivery.DeadLetterOutcome.NOT_FOUND;
import static id.ossgateway.delivery.DeadLetterOutcome.REFUSED;
import static id.ossgateway.delivery.DeadLetterOutcome.REPLAYED;

import id.ossgateway.audit.AuditLog;
import id.ossgateway.envelope.Envelope;
import id.ossgateway.journal.JournalEvent;
import id.ossgateway.journal.MessageJournal;
import id.ossgateway.journal.MessageState;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What an operator does with dead letters: browse them, replay a selection to the queue each came from (with a
 * fresh attempt budget, in its permit's message group), or discard a selection with a reason. Every replay and
 * discard is journaled on the message and written to the audit log with the operator's name. Each message is
 * handled on its own, so one that fails does not hold up the others of a bulk selection.
 */
@Service
public class DeadLetterOperations {

    public static final int MAX_SELECTION = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterOperations.class);

    private final DeadLetterQueue dlq;
    private final MessageJournal journal;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final String defaultQueue;

    DeadLetterOperations(DeadLetterQueue dlq, MessageJournal journal, AuditLog audit, TransactionTemplate tx,
                         DeliveryProperties delivery) {
        this.dlq = dlq;
        this.journal = journal;
        this.audit = audit;
        this.tx = tx;
        this.defaultQueue = delivery.queue();
    }

    /** The oldest dead letters first, at most {@code limit}; nothing is consumed. */
    public List<DeadLetter> browse(int limit) {
        return dlq.browse(Math.max(1, Math.min(limit, MAX_SELECTION)));
    }

    /** Sends each selected message back to its original queue. */
    public List<DeadLetterOutcome> replay(List<String> messageIds, String actor) {
        return each(messageIds, id -> replayOne(id, actor));
    }

    /**
     * Removes each selected message from the dead-letter queue for good, marking it DISCARDED.
     *
     * @throws IllegalArgumentException without a reason
     */
    public List<DeadLetterOutcome> discard(List<String> messageIds, String reason, String actor) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a discard needs a reason");
        }
        return each(messageIds, id -> discardOne(id, reason.strip(), actor));
    }

    private DeadLetterOutcome replayOne(String id, String actor) {
        return tx.execute(status -> dlq.take(id, (session, copies) -> {
            Message first = copies.get(0);
            Envelope e = DeadLetterQueue.envelope(first).orElseThrow(() -> new NotReplayable(
                    "the body is not a gateway envelope: discard it"));
            String target = first.getStringProperty(DeadLetters.ORIGINAL_QUEUE);
            target = target == null || target.isBlank() ? defaultQueue : target;
            MessageProducer producer = session.createProducer(session.createQueue(target));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            // a new JMS message: delivery count and attempt budget start again; same group, so in order per permit
            producer.send(OutboundQueue.toMessage(session, e));
            String detail = "from " + dlq.name() + " to " + target + " by " + actor
                    + (copies.size() > 1 ? " (" + copies.size() + " copies in the dead-letter queue, sent once)" : "")
                    + "; was: " + first.getStringProperty(DeadLetters.REASON);
            journal.requeue(id, JournalEvent.REPLAYED, detail);
            audit.record(actor, "DEAD_LETTER_REPLAY", "message:" + id, detail);
            LOG.info("replayed message={} id_izin={} to {} by {}", id, e.businessKey(), target, actor);
            return new DeadLetterOutcome(id, REPLAYED, "to " + target);
        }).orElse(notFound(id)));
    }

    private DeadLetterOutcome discardOne(String id, String reason, String actor) {
        return tx.execute(status -> dlq.take(id, (session, copies) -> {
            String detail = "by " + actor + ": " + reason;
            journal.transition(id, MessageState.DISCARDED, JournalEvent.DISCARDED, detail);
            audit.record(actor, "DEAD_LETTER_DISCARD", "message:" + id, reason + " (was: "
                    + copies.get(0).getStringProperty(DeadLetters.REASON) + ")");
            LOG.info("discarded message={} by {}", id, actor);
            return new DeadLetterOutcome(id, DISCARDED, reason);
        }).orElse(notFound(id)));
    }

    private static DeadLetterOutcome notFound(String id) {
        return new DeadLetterOutcome(id, NOT_FOUND, "not in the dead-letter queue");
    }

    private List<DeadLetterOutcome> each(List<String> messageIds, java.util.function.Function<String, DeadLetterOutcome> one) {
        if (messageIds == null || messageIds.isEmpty() || messageIds.size() > MAX_SELECTION) {
            throw new IllegalArgumentException("select 1 to " + MAX_SELECTION + " message ids");
        }
        for (String id : messageIds) {
            if (id == null || !DeadLetterQueue.MESSAGE_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("not a message id: " + id);
            }
        }
        List<DeadLetterOutcome> outcomes = new ArrayList<>();
        for (String id : new LinkedHashSet<>(messageIds)) {
            try {
                outcomes.add(one.apply(id));
            } catch (NotReplayable e) {
                outcomes.add(new DeadLetterOutcome(id, REFUSED, e.getMessage()));
            } catch (RuntimeException e) {
                // both transactions rolled back: the message is still in the dead-letter queue
                LOG.warn("dead-letter operation failed for message={}: {}", id, e.toString());
                outcomes.add(new DeadLetterOutcome(id, FAILED, e.toString()));
            }
        }
        return outcomes;
    }

    /** Rolls back the taking of a message that cannot go back to the queue. */
    private static final class NotReplayable extends RuntimeException {
        NotReplayable(String message) {
            super(message);
        }
    }
}
