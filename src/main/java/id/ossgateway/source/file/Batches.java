package id.ossgateway.source.file;

import id.ossgateway.source.IngestResult;
import id.ossgateway.source.SourceRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects a file's records into batches of {@code size}, hands each full batch to the sink and writes
 * one report line per record. At most one batch is in memory, whatever the size of the file.
 */
final class Batches {

    private final BatchSink sink;
    private final DropReport report;
    private final int size;
    private final List<SourceRecord> records;
    private final List<Long> positions;

    Batches(BatchSink sink, DropReport report, int size) {
        this.sink = sink;
        this.report = report;
        this.size = size;
        this.records = new ArrayList<>(size);
        this.positions = new ArrayList<>(size);
    }

    /**
     * @param position what the report shows in its first column: the line a CSV record starts on, the
     *                 number of a JSON or XML record in its file
     */
    void add(SourceRecord record, long position) throws IOException {
        records.add(record);
        positions.add(position);
        if (records.size() == size) {
            flush();
        }
    }

    /** Hands over what is collected. A batch the sink refused is not offered twice: the caller reports why. */
    void flush() throws IOException {
        if (records.isEmpty()) {
            return;
        }
        try {
            List<IngestResult.Outcome> outcomes = sink.accept(records);
            for (int i = 0; i < outcomes.size(); i++) {
                report.outcome(positions.get(i), outcomes.get(i));
            }
        } finally {
            records.clear();
            positions.clear();
        }
    }
}
