package id.ossgateway.source.file;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.ossgateway.envelope.SourceRef;
import id.ossgateway.source.RecordCodec;
import id.ossgateway.source.Ingest;
import id.ossgateway.source.IngestResult;
import id.ossgateway.source.SourceRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads a CSV or JSON file an OPD dropped (local folder, FTP or SFTP: the kamelet {@code opd-file-source} brings the
 * file) as a stream, hands it to {@link Ingest} in batches, and writes the result report the OPD sees next
 * to the file: one line per record, accepted with its message id or rejected with its reasons. Good lines
 * go on when others are bad; the file is never held in memory.
 */
@Component("fileDrop")
public class FileDropProcessor {

    private static final Logger log = LoggerFactory.getLogger(FileDropProcessor.class);
    static final String FAILED = "fileDrop.failed";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Ingest ingest;

    public FileDropProcessor(Ingest ingest) {
        this.ingest = ingest;
    }

    /** Entry point of the kamelet; parameters are the exchange properties {@code file.*}. */
    public void process(Exchange exchange) {
        String systemId = exchange.getProperty("file.systemId", String.class);
        char delimiter = exchange.getProperty("file.delimiter", ";", String.class).charAt(0);
        Charset charset = Charset.forName(exchange.getProperty("file.encoding", "UTF-8", String.class));
        int batchSize = exchange.getProperty("file.batchSize", 500, Integer.class);
        String name = exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        StringBuilder report = new StringBuilder("line;status;id;detail\n");
        int[] counts = new int[3];
        try (InputStream in = exchange.getIn().getMandatoryBody(InputStream.class)) {
            Reader reader = new BufferedReader(new InputStreamReader(in, charset));
            if (name != null && name.toLowerCase(Locale.ROOT).endsWith(".json")) {
                readJson(systemId, name, reader, batchSize, report, counts);
            } else {
                read(systemId, name, reader, delimiter, batchSize, report, counts);
            }
            exchange.setProperty(FAILED, false);
        } catch (Exception e) {
            // lines before the broken one are delivered; the file goes to error/ with the reason in its report
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            report.append("-;FAILED;;").append(clean(reason)).append('\n');
            exchange.setProperty(FAILED, true);
            log.warn("file {} of {} failed after {} records: {}", name, systemId, counts[0] + counts[1] + counts[2],
                    clean(reason));
        }
        log.info("file {} of {}: {} accepted, {} rejected, {} skipped", name, systemId, counts[0], counts[1], counts[2]);
        exchange.getIn().setBody(report.toString());
    }

    private void read(String systemId, String name, Reader reader, char delimiter, int batchSize, StringBuilder report,
                      int[] counts) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(false).get();
        try (CSVParser parser = CSVParser.parse(reader, format)) {
            List<String> header = parser.getHeaderNames().stream()
                    .map(h -> h.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT)).toList();
            List<SourceRecord> batch = new ArrayList<>(batchSize);
            List<Long> lines = new ArrayList<>(batchSize);
            java.util.Iterator<CSVRecord> rows = parser.iterator();
            while (true) {
                CSVRecord row;
                try {
                    if (!rows.hasNext()) {
                        break;
                    }
                    row = rows.next();
                } catch (UncheckedIOException e) {
                    flush(systemId, batch, lines, report, counts); // the complete lines before the break
                    throw e;
                }
                Map<String, Object> fields = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    String v = i < row.size() ? row.get(i) : null;
                    fields.put(header.get(i), v == null || v.isEmpty() ? null : v);
                }
                // the line the record starts on, counting the header as line 1
                long line = row.getRecordNumber() + 1;
                batch.add(new SourceRecord(SourceRef.line(name, line), fields));
                lines.add(line);
                if (batch.size() == batchSize) {
                    flush(systemId, batch, lines, report, counts);
                }
            }
            flush(systemId, batch, lines, report, counts);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * JSON files: one array of objects, or one object per line (NDJSON); streamed record by record. The
     * source reference is the record's position (1-based), as there are no lines to count in an array.
     */
    private void readJson(String systemId, String name, Reader reader, int batchSize, StringBuilder report,
                          int[] counts) throws IOException {
        try (JsonParser parser = JSON.createParser(reader)) {
            JsonToken first = parser.nextToken();
            boolean array = first == JsonToken.START_ARRAY;
            List<SourceRecord> batch = new ArrayList<>(batchSize);
            List<Long> positions = new ArrayList<>(batchSize);
            long n = 0;
            JsonToken token = array ? parser.nextToken() : first;
            while (token != null && token != JsonToken.END_ARRAY) {
                JsonNode node;
                try {
                    node = JSON.readTree(parser);
                } catch (IOException e) {
                    flush(systemId, batch, positions, report, counts); // the complete records before the break
                    throw e;
                }
                n++;
                if (!(node instanceof ObjectNode object)) {
                    throw new IOException("record " + n + " is not a JSON object");
                }
                Map<String, Object> fields = new LinkedHashMap<>();
                RecordCodec.read(object).forEach((k, v) -> fields.put(k.toLowerCase(Locale.ROOT), v));
                batch.add(new SourceRecord(SourceRef.line(name, n), fields));
                positions.add(n);
                if (batch.size() == batchSize) {
                    flush(systemId, batch, positions, report, counts);
                }
                try {
                    token = parser.nextToken();
                } catch (IOException e) {
                    flush(systemId, batch, positions, report, counts);
                    throw e;
                }
            }
            flush(systemId, batch, positions, report, counts);
        }
    }

    private void flush(String systemId, List<SourceRecord> batch, List<Long> lines, StringBuilder report, int[] counts) {
        if (batch.isEmpty()) {
            return;
        }
        List<IngestResult.Outcome> outcomes = ingest.accept(systemId, batch).outcomes();
        for (int i = 0; i < outcomes.size(); i++) {
            IngestResult.Outcome o = outcomes.get(i);
            counts[o.kind().ordinal()]++;
            report.append(lines.get(i)).append(';').append(o.kind()).append(';')
                    .append(o.id() == null ? "" : o.id()).append(';')
                    .append(o.detail() == null ? "" : clean(o.detail())).append('\n');
        }
        batch.clear();
        lines.clear();
    }

    private static String clean(String text) {
        return text.replace('\n', ' ').replace('\r', ' ').replace(';', ',');
    }
}
