package id.ossgateway.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.ossgateway.source.RecordCodec;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A sample pasted into the mapping preview: a JSON object or array, or CSV with a header row (delimiter
 * {@code ;}, {@code ,} or tab, taken from the header). Field names are lower-cased as the file source
 * reads them, so the preview sees what a dropped file would give.
 */
final class SampleRecords {

    static final int MAX = 50;
    private static final ObjectMapper JSON = new ObjectMapper();

    private SampleRecords() {
    }

    /** @throws IllegalArgumentException saying what is wrong with the sample */
    static List<Map<String, Object>> parse(String sample) {
        String text = sample == null ? "" : sample.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("the sample is empty");
        }
        List<Map<String, Object>> records = text.startsWith("{") || text.startsWith("[") ? json(text) : csv(text);
        if (records.size() > MAX) {
            throw new IllegalArgumentException("at most " + MAX + " records in a preview, the sample has "
                    + records.size());
        }
        return records;
    }

    private static List<Map<String, Object>> json(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("malformed JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (JsonNode n : root.isArray() ? root : JSON.createArrayNode().add(root)) {
            if (!(n instanceof ObjectNode o)) {
                throw new IllegalArgumentException("every JSON record must be an object");
            }
            out.add(RecordCodec.read(o));
        }
        return out;
    }

    private static List<Map<String, Object>> csv(String text) {
        String header = text.lines().findFirst().orElse("");
        char delimiter = count(header, '\t') > 0 ? '\t' : count(header, ';') >= count(header, ',') ? ';' : ',';
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(false).get();
        List<Map<String, Object>> out = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            // as CsvRecords reads a dropped file: names lower-cased, empty values null, short rows padded
            List<String> names = parser.getHeaderNames().stream()
                    .map(h -> h.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT)).toList();
            for (CSVRecord row : parser) {
                Map<String, Object> record = new LinkedHashMap<>();
                for (int i = 0; i < names.size(); i++) {
                    String v = i < row.size() ? row.get(i) : null;
                    record.put(names.get(i), v == null || v.isEmpty() ? null : v);
                }
                out.add(record);
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw new IllegalArgumentException("the CSV cannot be read: " + e.getMessage());
        }
        return out;
    }

    private static long count(String s, char c) {
        return s.chars().filter(ch -> ch == c).count();
    }
}
