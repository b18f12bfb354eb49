package id.ossgateway.source.file;

import id.ossgateway.envelope.SourceRef;
import id.ossgateway.source.SourceRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV with a header row (names lower-cased, a BOM decides the encoding, CRLF tolerated, quotes as Excel writes them), parsed row by
 * row. Empty values become null; a short row leaves the missing columns null.
 */
final class CsvRecords implements RecordReader {

    @Override
    public void read(InputStream in, String fileName, DropOptions options, Batches batches) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(options.delimiter()).setHeader()
                .setSkipHeaderRecord(true).setIgnoreEmptyLines(true).setTrim(false).get();
        Boms.Text text = Boms.detect(in, options.charset());
        try (CSVParser parser = CSVParser.parse(new BufferedReader(new InputStreamReader(text.in(), text.charset())),
                format)) {
            List<String> header = parser.getHeaderNames().stream()
                    .map(h -> h.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT)).toList();
            Iterator<CSVRecord> rows = parser.iterator();
            while (rows.hasNext()) {
                CSVRecord row = rows.next();
                long endLine = parser.getCurrentLineNumber();
                Map<String, Object> fields = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    String v = i < row.size() ? row.get(i) : null;
                    fields.put(header.get(i), v == null || v.isEmpty() ? null : v);
                }
                // the line the record starts on, counting the header as line 1: the line the parser stands on
                // less the line breaks inside quoted values (blank lines before it are thus counted too)
                long line = startLine(row, endLine);
                batches.add(new SourceRecord(SourceRef.line(fileName, line), fields), line);
            }
        } catch (UncheckedIOException e) {
            // commons-csv's iterator wraps a broken quote or a read error
            throw e.getCause();
        }
    }

    /** The file line a record starts on, given the line the parser reached after it. */
    static long startLine(CSVRecord row, long endLine) {
        long breaks = 0;
        for (String value : row) {
            breaks += value.replace("\r\n", "\n").chars().filter(c -> c == '\n' || c == '\r').count();
        }
        return endLine - breaks;
    }
}
