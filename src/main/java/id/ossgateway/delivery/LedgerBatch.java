package id.ossgateway.delivery;

import id.ossgateway.delivery.AttemptStore.Accepted;
import id.ossgateway.delivery.AttemptStore.AttemptKey;
import id.ossgateway.delivery.AttemptStore.Finished;
import id.ossgateway.delivery.DeliveryLedger.Admit;
import id.ossgateway.delivery.DeliveryLedger.Settlement;
import id.ossgateway.delivery.DeliveryLedger.Work;
import id.ossgateway.envelope.Envelope;
import id.ossgateway.journal.JournalEvent;
import id.ossgateway.journal.MessageJournal;
import id.ossgateway.journal.MessageJournal.Delivered;
import id.ossgateway.journal.MessageJournal.Hop;
import id.ossgateway.journal.MessageJournal.Standing;
import id.ossgateway.journal.MessageState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The statements of one group of {@link DeliveryLedger} steps, run inside the caller's transaction: a few
 * queries and batched statements for the whole group instead of a transaction per step.
 */
@Component
class LedgerBatch {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerBatch.class);
    private static final Set<MessageState> FINISHED =
            Set.of(MessageState.DELIVERED, MessageState.DUPLICATE, MessageState.DISCARDED);

    private final MessageJournal journal;
    private final AttemptStore attempts;

    LedgerBatch(MessageJournal journal, AttemptStore attempts) {
        this.journal = journal;
        this.attempts = attempts;
    }

    /** Runs the steps; the result at index i answers step i (an {@link Admission}, or null for a settlement). */
    List<Object> run(List<Work> steps) {
        List<Settlement> settlements = new ArrayList<>();
        List<Admit> admits = new ArrayList<>();
        for (Work w : steps) {
            if (w instanceof Settlement s) {
                settlements.add(s);
            } else {
                admits.add((Admit) w);
            }
        }
        settle(settlements);
        Map<Admit, Admission> admissions = admit(admits);
        List<Object> results = new ArrayList<>(steps.size());
        for (Work w : steps) {
            results.add(w instanceof Admit a ? admissions.get(a) : null);
        }
        return results;
    }

    private void settle(List<Settlement> settlements) {
        if (settlements.isEmpty()) {
            return;
        }
        List<Finished> finished = new ArrayList<>(settlements.size());
        List<Accepted> accepted = new ArrayList<>(settlements.size());
        List<Delivered> delivered = new ArrayList<>(settlements.size());
        for (Settlement s : settlements) {
            Envelope e = s.envelope();
            finished.add(new Finished(new AttemptKey(e.messageId(), s.attemptNo()), AttemptOutcome.DELIVERED,
                    s.httpStatus(), s.kode(), s.keterangan(), s.latencyMs()));
            accepted.add(new Accepted(e, s.nomorIzin()));
            delivered.add(new Delivered(e.messageId(), s.nomorIzin(), s.detail()));
        }
        attempts.finish(finished);
        attempts.recordDelivered(accepted);
        journal.markDelivered(delivered);
    }

    private Map<Admit, Admission> admit(List<Admit> admits) {
        Map<Admit, Admission> out = new java.util.IdentityHashMap<>();
        if (admits.isEmpty()) {
            return out;
        }
        List<Envelope> envelopes = admits.stream().map(Admit::envelope).toList();
        List<String> ids = envelopes.stream().map(Envelope::messageId).toList();
        Map<String, Standing> standings = journal.standings(ids);
        List<Envelope> unknown = envelopes.stream().filter(e -> !standings.containsKey(e.messageId())).toList();
        if (!unknown.isEmpty()) {
            journal.recordAccepted(unknown); // queued by another path (an older node, a manual move)
        }
        Map<String, String> deliveredBy = attempts.deliveredBy(envelopes);
        Map<String, List<Attempt>> history = attempts.attemptsOf(ids);

        List<Hop> hops = new ArrayList<>();
        List<AttemptKey> starts = new ArrayList<>();
        List<String> counted = new ArrayList<>();
        for (Admit a : admits) {
            Envelope e = a.envelope();
            Standing standing = standings.getOrDefault(e.messageId(), new Standing(MessageState.QUEUED, 0));
            if (FINISHED.contains(standing.state())) {
                String reason = "another copy of this message, already " + standing.state() + ": not sent";
                hops.add(new Hop(e.messageId(), JournalEvent.DUPLICATE, reason));
                out.put(a, new Admission.Skip(reason));
                continue;
            }
            String by = deliveredBy.get(e.messageId());
            if (by != null) {
                String reason = "the destination already has this content for " + e.businessKey() + " (message " + by
                        + "): not sent";
                journal.transition(e.messageId(), MessageState.DUPLICATE, JournalEvent.DUPLICATE, reason);
                LOG.info("duplicate suppressed message={} id_izin={} same as message={}", e.messageId(),
                        e.businessKey(), by);
                out.put(a, new Admission.Skip(reason));
                continue;
            }
            int count = standing.attempts() + (a.countAttempt() ? 1 : 0);
            if (a.countAttempt()) {
                counted.add(e.messageId());
            }
            List<Attempt> past = history.getOrDefault(e.messageId(), List.of());
            List<Attempt> open = past.stream()
                    .filter(t -> t.outcome() == null || t.outcome() == AttemptOutcome.UNKNOWN).toList();
            if (!open.isEmpty()) {
                out.put(a, new Admission.Unresolved(open, count));
                continue;
            }
            int next = past.isEmpty() ? 1 : past.get(past.size() - 1).attemptNo() + 1;
            starts.add(new AttemptKey(e.messageId(), next));
            out.put(a, new Admission.Send(next, count));
        }
        journal.appendAll(hops);
        journal.countAttempts(counted);
        attempts.start(starts);
        return out;
    }
}
