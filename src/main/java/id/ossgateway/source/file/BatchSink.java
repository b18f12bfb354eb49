package id.ossgateway.source.file;

import id.ossgateway.source.IngestResult;
import id.ossgateway.source.SourceRecord;
import java.util.List;

/** Where batches of a file's records go: in the gateway {@code Ingest.accept}; in a test, a counter. */
@FunctionalInterface
interface BatchSink {

    /** Hands over a batch; returns one outcome per record, in order. */
    List<IngestResult.Outcome> accept(List<SourceRecord> batch);
}
