package id.ossgateway.source.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.ossgateway.envelope.SourceRef;
import id.ossgateway.source.SourcePosition;
import id.ossgateway.source.SourceRecord;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One reply's records as source records (flat, names in lower case: {@link JsonFields}), without
 * those at or before the stored position, plus the position of the last one and the link to the next page.
 *
 * @param fresh    the records not handed over before
 * @param last     the (watermark, key) of the last fresh record; the stored position when there is none
 * @param size     how many records the reply held, fresh or not (a short page is the last one)
 * @param nextLink the next page's link, when the API gives one
 */
record Page(List<SourceRecord> fresh, SourcePosition last, int size, URI nextLink) {

    static Page read(RestPullSpec spec, Watermarks watermarks, JsonApi.Reply reply, boolean incremental,
                     SourcePosition position) {
        JsonNode records = reply.body().at(spec.recordsPointer());
        String where = Urls.safe(reply.uri());
        if (records.isMissingNode()) {
            throw new RestPullFailure("no records at '" + spec.recordsPointer() + "' in the reply from " + where
                    + " (it has " + fieldNames(reply.body()) + ")");
        }
        if (records.isNull()) {
            records = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode(); // "data": null is how some APIs say "nothing"
        }
        if (!records.isArray()) {
            throw new RestPullFailure("'" + spec.recordsPointer() + "' in the reply from " + where + " is "
                    + records.getNodeType().name().toLowerCase(Locale.ROOT) + ", not an array of records");
        }
        String keyField = spec.keyField().toLowerCase(Locale.ROOT);
        String wmField = incremental ? spec.watermarkField().toLowerCase(Locale.ROOT) : null;
        List<SourceRecord> fresh = new ArrayList<>();
        SourcePosition last = position;
        String[] previous = null;
        int n = 0;
        for (JsonNode node : records) {
            n++;
            if (!(node instanceof ObjectNode object)) {
                throw new RestPullFailure("record " + n + " at " + where + " is not a JSON object");
            }
            Map<String, Object> fields = JsonFields.of(object);
            Object key = fields.get(keyField);
            if (key == null || key.toString().isBlank()) {
                throw new RestPullFailure("record " + n + " at " + where + " has no " + spec.keyField());
            }
            String keyText = key.toString().strip();
            SourceRecord record = new SourceRecord(new SourceRef(SourceRef.Kind.REST_PULL, spec.name() + "#" + keyText),
                    fields);
            if (!incremental) {
                fresh.add(record);
                continue;
            }
            Object wm = fields.get(wmField);
            if (wm == null || wm.toString().isBlank()) {
                // a record without watermark can never be passed by the position: say so instead of looping
                throw new RestPullFailure("record " + spec.keyField() + "=" + keyText + " at " + where + " has no "
                        + spec.watermarkField());
            }
            String[] current = {wm.toString().strip(), keyText};
            if (previous != null && watermarks.order().compare(previous, current) > 0) {
                throw new RestPullFailure("records at " + where + " are not in ascending (" + spec.watermarkField()
                        + ", " + spec.keyField() + ") order: (" + previous[0] + ", " + previous[1] + ") before ("
                        + current[0] + ", " + current[1] + "); the position needs that order");
            }
            previous = current;
            if (position != null && watermarks.order().compare(current, new String[] {
                    position.watermark().text(), position.tieKey() == null ? "" : position.tieKey().text()}) <= 0) {
                continue; // handed over before: the inclusive updated_since reads the last watermark again
            }
            fresh.add(record);
            last = new SourcePosition(SourcePosition.Value.of(wm instanceof String ? current[0] : wm),
                    SourcePosition.Value.of(key instanceof String ? keyText : key));
        }
        String link = spec.paging() == RestPullSpec.Paging.NEXT_LINK ? text(reply.body(), spec.nextPointer()) : null;
        return new Page(fresh, last, n, link == null ? null : reply.uri().resolve(link));
    }

    /** The text at a JSON pointer, or null when absent, null or blank. */
    static String text(JsonNode body, String pointer) {
        JsonNode node = body.at(pointer);
        if (node.isMissingNode() || node.isNull() || node.isContainerNode()) {
            return null;
        }
        String s = node.asText().strip();
        return s.isEmpty() ? null : s;
    }

    private static String fieldNames(JsonNode body) {
        if (!body.isObject()) {
            return "a " + body.getNodeType().name().toLowerCase(Locale.ROOT) + " at the top";
        }
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = body.fieldNames(); it.hasNext() && names.size() < 10; ) {
            names.add(it.next());
        }
        return "fields " + String.join(", ", names);
    }
}
