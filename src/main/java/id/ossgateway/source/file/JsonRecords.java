package id.ossgateway.source.file;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.ossgateway.envelope.SourceRef;
import id.ossgateway.source.RecordCodec;
import id.ossgateway.source.SourceRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * JSON: one array of objects, or one object per line (NDJSON); streamed record by record. The position is the
 * file line the record's object starts on, as for CSV, so the report, the preview and a reject name the same line.
 */
final class JsonRecords implements RecordReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void read(InputStream in, String fileName, DropOptions options, Batches batches) throws IOException {
        Boms.Text text = Boms.detect(in, options.charset());
        try (JsonParser parser = JSON.createParser(new BufferedReader(new InputStreamReader(text.in(), text.charset())))) {
            JsonToken first = parser.nextToken();
            JsonToken token = first == JsonToken.START_ARRAY ? parser.nextToken() : first;
            long n = 0;
            while (token != null && token != JsonToken.END_ARRAY) {
                long line = parser.currentTokenLocation().getLineNr();
                JsonNode node = JSON.readTree(parser);
                n++;
                if (!(node instanceof ObjectNode object)) {
                    throw new IOException("record " + n + " is not a JSON object");
                }
                Map<String, Object> fields = new LinkedHashMap<>();
                RecordCodec.read(object).forEach((k, v) -> fields.put(k.toLowerCase(Locale.ROOT), v));
                batches.add(new SourceRecord(SourceRef.line(fileName, line), fields), line);
                token = parser.nextToken();
            }
        }
    }
}
