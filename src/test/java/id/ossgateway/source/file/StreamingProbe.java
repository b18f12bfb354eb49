package id.ossgateway.source.file;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs in its own small-heap JVM ({@link LargeDropStreamingIT}): takes the fingerprint of a dropped file and reads
 * it through {@link DropReader} with the gateway's batching and report, the gateway's Ingest replaced by a
 * counter. Prints {@code records=<n> largestBatch=<n> complete=<bool> maxHeap=<bytes> sha256=<hex>}.
 */
public final class StreamingProbe {

    private StreamingProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        String name = file.getFileName().toString();
        Fingerprint fingerprint = Fingerprint.of(name, file);
        CountingSink sink = new CountingSink(false);
        boolean complete;
        try (DropReport report = new DropReport(Path.of(args[1]))) {
            complete = DropReader.read(file, name, new DropOptions(';', StandardCharsets.UTF_8, 500, "record"), sink,
                    report);
        }
        System.out.println("records=" + sink.count + " largestBatch=" + sink.largestBatch + " complete=" + complete
                + " maxHeap=" + Runtime.getRuntime().maxMemory() + " sha256=" + fingerprint.sha256());
    }
}
