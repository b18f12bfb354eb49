package id.ossgateway.reject;

import id.ossgateway.envelope.SourceRef;
import id.ossgateway.source.Ingest;
import id.ossgateway.source.IngestResult;
import id.ossgateway.source.RecordCodec;
import id.ossgateway.source.RejectStore;
import id.ossgateway.source.SourceRecord;
import id.ossgateway.source.StoredReject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.stereotype.Service;

/**
 * Replays a reject through the mapping in force now: after the mapping was fixed, or with corrected field
 * values an operator supplies. A record that now passes is queued for delivery and the reject resolved; one
 * that still fails stays open with the new reasons.
 */
@Service
public class Replays {

    private final RejectStore rejects;
    private final Ingest ingest;

    public Replays(RejectStore rejects, Ingest ingest) {
        this.rejects = rejects;
        this.ingest = ingest;
    }

    public record Outcome(String rejectId, String status, String messageId, String detail) {
    }

    /**
     * @param corrections field values replacing those of the stored record (may be empty)
     */
    public Outcome replay(String rejectId, Map<String, Object> corrections) {
        StoredReject reject = rejects.find(rejectId).orElseThrow(() -> new NoSuchElementException(rejectId));
        if (!"OPEN".equals(reject.status())) {
            return new Outcome(rejectId, reject.status(), reject.messageId(), "already resolved");
        }
        Map<String, Object> fields = new LinkedHashMap<>(RecordCodec.read(reject.record()));
        fields.putAll(corrections);
        SourceRecord record = new SourceRecord(SourceRef.parse(reject.sourceRef()), fields);
        IngestResult.Outcome result = ingest.accept(reject.systemId(), java.util.List.of(record)).outcomes().get(0);
        return switch (result.kind()) {
            case ACCEPTED -> {
                rejects.resolve(rejectId, result.id());
                yield new Outcome(rejectId, "RESOLVED", result.id(), "queued for delivery");
            }
            case DUPLICATE -> { // OSS has (or will get) this document under the message it duplicates
                rejects.resolve(rejectId, result.id());
                yield new Outcome(rejectId, "RESOLVED", result.id(), "same document as message " + result.id());
            }
            case SKIPPED -> {
                rejects.resolve(rejectId, null);
                yield new Outcome(rejectId, "RESOLVED", null, "skipped: " + result.detail());
            }
            case REJECTED -> {
                if (!result.id().equals(rejectId)) { // corrected but still wrong: the new reject replaces this one
                    rejects.supersede(rejectId, result.id());
                }
                yield new Outcome(result.id(), "OPEN", null, result.detail());
            }
        };
    }
}
