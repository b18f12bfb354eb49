package id.ossgateway.source.file;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one local file in its format, hands its records over in batches and writes the report; needs neither
 * Camel nor Spring, so the streaming can be checked on its own in a small heap.
 */
final class DropReader {

    private static final Logger log = LoggerFactory.getLogger(DropReader.class);

    private DropReader() {
    }

    /**
     * @return true when the file was read to the end; false when it broke off, in which case the records before
     *         the break were handed over and the report's last line says why
     */
    static boolean read(Path file, String name, DropOptions options, BatchSink sink, DropReport report)
            throws IOException {
        Batches batches = new Batches(sink, report, options.batchSize());
        try (InputStream in = Files.newInputStream(file)) {
            DropFormat.of(name).reader().read(in, name, options, batches);
            batches.flush();
            return true;
        } catch (Exception e) {
            // lines before the broken one are delivered; the file goes to error/ with the reason in its report
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            batches.flush();
            report.failed(reason);
            log.warn("file {} failed after {} records: {}", name, report.records(), DropReport.clean(reason));
            return false;
        }
    }
}
