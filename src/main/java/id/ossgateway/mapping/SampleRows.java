package id.ossgateway.mapping;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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
 * Sample rows as pasted into the mapping preview or editor: a JSON object or array (or one object per line), or
 * CSV with a header row (delimiter {@code ;}, {@code ,} or tab, taken from the header). Field names are
 * lower-cased as the file source reads them, and every row carries the line it starts on, counted as in the
 * file's result report (the CSV header is line 1), so the preview and the report name the same line.
 */
public final class SampleRows {

    public static final int MAX = 50;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One sample row and the line of the sample it starts on. */
    public record Row(long line, Map<String, Object> fields) {
    }

    /** Why a sample cannot be read: English for the API, a message key and arguments for the console. */
    public static final class Unreadable extends IllegalArgumentException {

        private final String key;
        private final transient Object[] args;

        Unreadable(String key, String english, Object... args) {
            super(english);
            this.key = key;
            this.args = args;
        }

        public String key() {
            return key;
        }

        public Object[] args() {
            return args.clone();
        }
    }

    private SampleRows() {
    }

    /** @throws IllegalArgumentException saying what is wrong with the sample */
    public static List<Row> parse(String sample) {
        String text = sample == null ? "" : sample.replace("\uFEFF", "");
        if (text.isBlank()) {
            throw new Unreadable("sample.empty", "the sample is empty");
        }
        String start = text.stripLeading();
        List<Row> rows = start.startsWith("{") || start.startsWith("[") ? json(text) : csv(text);
        if (rows.size() > MAX) {
            throw new Unreadable("sample.tooMany", "at most " + MAX + " records in a preview, the sample has "
                    + rows.size(), MAX, rows.size());
        }
        return rows;
    }

    private static List<Row> json(String text) {
        List<Row> out = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(text)) {
            JsonToken first = parser.nextToken();
            JsonToken token = first == JsonToken.START_ARRAY ? parser.nextToken() : first;
            while (token != null && token != JsonToken.END_ARRAY) {
                long line = parser.currentTokenLocation().getLineNr();
                JsonNode node = JSON.readTree(parser);
                if (!(node instanceof ObjectNode o)) {
                    throw new Unreadable("sample.notObject", "every JSON record must be an object (line " + line + ")",
                            line);
                }
                Map<String, Object> fields = new LinkedHashMap<>();
                RecordCodec.read(o).forEach((k, v) -> fields.put(k.toLowerCase(Locale.ROOT), v));
                out.add(new Row(line, fields));
                token = parser.nextToken();
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new Unreadable("sample.json", "malformed JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage(), e.getLocation().getLineNr(),
                    e.getLocation().getColumnNr());
        } catch (IOException e) {
            throw new Unreadable("sample.unreadable", "the JSON cannot be read: " + e.getMessage());
        }
        return out;
    }

    private static List<Row> csv(String text) {
        String header = text.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
        char delimiter = count(header, '\t') > 0 ? '\t' : count(header, ';') >= count(header, ',') ? ';' : ',';
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(false).get();
        List<Row> out = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            // as the file source reads a dropped file: names lower-cased, empty values null, short rows padded
            List<String> names = parser.getHeaderNames().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
            for (CSVRecord row : parser) {
                Map<String, Object> record = new LinkedHashMap<>();
                for (int i = 0; i < names.size(); i++) {
                    String v = i < row.size() ? row.get(i) : null;
                    record.put(names.get(i), v == null || v.isEmpty() ? null : v);
                }
                out.add(new Row(startLine(row, parser.getCurrentLineNumber()), record));
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw new Unreadable("sample.csv", "the CSV cannot be read: " + e.getMessage());
        }
        return out;
    }

    /** The line a record starts on: where the parser stands, less the line breaks inside quoted values. */
    private static long startLine(CSVRecord row, long endLine) {
        long breaks = 0;
        for (String value : row) {
            breaks += value.replace("\r\n", "\n").chars().filter(c -> c == '\n' || c == '\r').count();
        }
        return endLine - breaks;
    }

    private static long count(String s, char c) {
        return s.chars().filter(ch -> ch == c).count();
    }
}
