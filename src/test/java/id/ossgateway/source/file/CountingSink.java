package id.ossgateway.source.file;

import id.ossgateway.source.IngestResult;
import id.ossgateway.source.SourceRecord;
import java.util.ArrayList;
import java.util.List;

/** Stands in for the gateway's Ingest: accepts every record; keeps them only when asked to. */
final class CountingSink implements BatchSink {

    private final boolean keep;
    final List<SourceRecord> records = new ArrayList<>();
    long count;
    int largestBatch;

    CountingSink(boolean keep) {
        this.keep = keep;
    }

    @Override
    public List<IngestResult.Outcome> accept(List<SourceRecord> batch) {
        count += batch.size();
        largestBatch = Math.max(largestBatch, batch.size());
        if (keep) {
            records.addAll(batch);
        }
        List<IngestResult.Outcome> outcomes = new ArrayList<>(batch.size());
        long first = count - batch.size() + 1;
        for (int i = 0; i < batch.size(); i++) {
            outcomes.add(new IngestResult.Outcome(batch.get(i), IngestResult.Kind.ACCEPTED, "m-" + (first + i), null));
        }
        return outcomes;
    }
}
