package id.ossgateway.source.file;

import id.ossgateway.source.Ingest;
import id.ossgateway.source.IngestResult;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Handles one file an OPD dropped (local folder, FTP or SFTP: the kamelet {@code opd-file-source} brings it):
 * skips it when the same file (name, size, SHA-256) was already processed for the system, else reads it as a
 * stream ({@link DropReader}), hands its records to {@link Ingest} in batches and remembers it. The body
 * becomes the result report the kamelet writes next to the file; the file is never held in memory.
 */
@Component("fileDrop")
public class FileDropProcessor {

    private static final Logger log = LoggerFactory.getLogger(FileDropProcessor.class);
    static final String FAILED = "fileDrop.failed";

    private final Ingest ingest;
    private final ProcessedFiles processed;

    FileDropProcessor(Ingest ingest, ProcessedFiles processed) {
        this.ingest = ingest;
        this.processed = processed;
    }

    /** Entry point of the kamelet; parameters are the exchange properties {@code file.*}. */
    public void process(Exchange exchange) throws IOException, InvalidPayloadException {
        String systemId = exchange.getProperty("file.systemId", String.class);
        DropOptions options = new DropOptions(exchange.getProperty("file.delimiter", ";", String.class).charAt(0),
                Charset.forName(exchange.getProperty("file.encoding", "UTF-8", String.class)),
                exchange.getProperty("file.batchSize", 500, Integer.class),
                exchange.getProperty("file.recordElement", "record", String.class));
        String name = exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        Path reportFile = Files.createTempFile("drop-report-", ".txt");
        // the report is sent by the kamelet after this bean; delete it when the exchange is done either way
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                reportFile.toFile().delete();
            }
        });
        DropContent content = DropContent.of(exchange, name);
        boolean complete;
        try (DropReport report = new DropReport(reportFile)) {
            Optional<ProcessedFiles.Earlier> earlier = processed.find(systemId, content.fingerprint());
            if (earlier.isPresent()) {
                ProcessedFiles.Earlier e = earlier.get();
                report.duplicate("same name, size and SHA-256 as " + e.name() + " processed at " + e.processedAt()
                        + " on " + e.node() + "; not processed again");
                log.info("file {} of {} is a duplicate of the one processed at {}; skipped", name, systemId,
                        e.processedAt());
                complete = true;
            } else {
                complete = DropReader.read(content.file(), name, options, batch -> ingest.accept(systemId, batch)
                        .outcomes(), report);
                if (complete) {
                    processed.remember(systemId, content.fingerprint(), report.records());
                }
                log.info("file {} of {}: {} accepted, {} rejected, {} skipped", name, systemId,
                        report.count(IngestResult.Kind.ACCEPTED), report.count(IngestResult.Kind.REJECTED),
                        report.count(IngestResult.Kind.SKIPPED));
            }
        } finally {
            content.discard();
        }
        exchange.setProperty(FAILED, !complete);
        exchange.getIn().setBody(reportFile.toFile());
    }
}
