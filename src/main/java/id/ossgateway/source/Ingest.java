package id.ossgateway.source;

import id.ossgateway.delivery.OutboundQueue;
import id.ossgateway.envelope.Envelope;
import id.ossgateway.journal.MessageJournal;
import id.ossgateway.mapping.Mapping;
import id.ossgateway.mapping.MappingRegistry;
import id.ossgateway.mapping.MappingResult;
import id.ossgateway.pia.Violation;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where every source hands over its records: map, validate, journal, reject, enqueue — one batch at a
 * time. When {@link #accept} returns, every record of the batch is either on the outbound queue or in the
 * reject store, so the source may move its position (watermark, file marker, 202 reply). If the process
 * dies before that, the source reads the batch again and gets the same message ids: nothing is lost,
 * and what was already queued is recognised.
 */
@Component
public class Ingest {

    private final MappingRegistry mappings;
    private final MessageJournal journal;
    private final RejectStore rejects;
    private final OutboundQueue queue;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final SkipStore skips;
    private final DuplicateDocuments duplicates;

    public Ingest(MappingRegistry mappings, MessageJournal journal, RejectStore rejects, OutboundQueue queue,
                  TransactionTemplate tx, Clock clock, ApplicationEventPublisher events, SkipStore skips,
                  DuplicateDocuments duplicates) {
        this.mappings = mappings;
        this.journal = journal;
        this.rejects = rejects;
        this.queue = queue;
        this.tx = tx;
        this.clock = clock;
        this.events = events;
        this.skips = skips;
        this.duplicates = duplicates;
    }

    /**
     * Accepts a batch from a source system.
     *
     * @throws NoMappingException when the system has no mapping loaded; nothing is recorded, so the
     *                            source keeps its position and tries again
     */
    public IngestResult accept(String systemId, List<SourceRecord> records) {
        Mapping mapping = mappings.forSystem(systemId).orElseThrow(() -> new NoMappingException(systemId));
        Instant now = clock.instant();
        List<Envelope> envelopes = new ArrayList<>();
        List<Pending> pending = new ArrayList<>(records.size());
        for (SourceRecord record : records) {
            MappingResult result = mappings.mapper().apply(mapping, record.fields());
            if (result instanceof MappingResult.Mapped m) {
                Envelope e = Envelope.of(mapping.opd(), systemId, record.ref(), m.method(), m.document(),
                        m.mappingVersion(), now);
                envelopes.add(e);
                pending.add(new Pending(record, e, null));
            } else if (result instanceof MappingResult.Rejected r) {
                pending.add(new Pending(record, null, r));
            } else {
                pending.add(new Pending(record, null, null, ((MappingResult.Skipped) result).reason()));
            }
        }
        // a document the journal already holds under another message is reported as its duplicate, not queued
        Map<String, String> duplicateOf = duplicates.of(envelopes);
        envelopes.removeIf(e -> duplicateOf.containsKey(e.messageId()));
        pending.forEach(p -> p.duplicateOf = p.envelope == null ? null : duplicateOf.get(p.envelope.messageId()));
        List<Envelope> toQueue = tx.execute(status -> {
            for (Pending p : pending) {
                if (p.rejected != null) {
                    p.rejectId = rejects.file(systemId, p.record, p.rejected.method() == null ? null
                            : p.rejected.method().path(), p.rejected.mappingVersion(), p.rejected.reasons());
                } else if (p.skip != null) {
                    skips.file(systemId, p.record, mapping.version(), p.skip); // visible per row, like rejects
                }
            }
            return journal.recordAccepted(envelopes);
        });
        queue.enqueue(toQueue);
        IngestResult result = new IngestResult(pending.stream().map(Pending::outcome).toList());
        events.publishEvent(new BatchIngested(systemId, records.size(), result.accepted(), result.rejected(),
                result.skipped()));
        return result;
    }

    private static final class Pending {
        final SourceRecord record;
        final Envelope envelope;
        final MappingResult.Rejected rejected;
        final String skip;
        String rejectId;
        String duplicateOf;

        Pending(SourceRecord record, Envelope envelope, MappingResult.Rejected rejected) {
            this(record, envelope, rejected, null);
        }

        Pending(SourceRecord record, Envelope envelope, MappingResult.Rejected rejected, String skip) {
            this.record = record;
            this.envelope = envelope;
            this.rejected = rejected;
            this.skip = skip;
        }

        IngestResult.Outcome outcome() {
            if (duplicateOf != null) {
                return new IngestResult.Outcome(record, IngestResult.Kind.DUPLICATE, duplicateOf,
                        "same document as message " + duplicateOf + ": not sent again");
            }
            if (envelope != null) {
                return new IngestResult.Outcome(record, IngestResult.Kind.ACCEPTED, envelope.messageId(), null);
            }
            if (rejected != null) {
                return new IngestResult.Outcome(record, IngestResult.Kind.REJECTED, rejectId,
                        String.join("; ", rejected.reasons().stream().map(Violation::toString).toList()));
            }
            return new IngestResult.Outcome(record, IngestResult.Kind.SKIPPED, null, skip);
        }
    }
}
