package id.ossgateway.source;

import java.util.List;

/**
 * What became of a batch of source records.
 *
 * @param outcomes one per record, in the order given
 */
public record IngestResult(List<Outcome> outcomes) {

    public long accepted() {
        return outcomes.stream().filter(o -> o.kind() == Kind.ACCEPTED).count();
    }

    public long rejected() {
        return outcomes.stream().filter(o -> o.kind() == Kind.REJECTED).count();
    }

    public long skipped() {
        return outcomes.stream().filter(o -> o.kind() == Kind.SKIPPED).count();
    }

    /** DUPLICATE: the same document as a message the gateway already holds (its id is the outcome's id). */
    public enum Kind { ACCEPTED, REJECTED, SKIPPED, DUPLICATE }

    /**
     * @param id      the message id (accepted), the reject id (rejected), the message it duplicates (duplicate);
     *                null when skipped
     * @param detail  the reasons of a reject or of a skip
     */
    public record Outcome(SourceRecord record, Kind kind, String id, String detail) {
    }
}
