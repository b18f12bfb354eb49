package id.ossgateway.console;

import id.ossgateway.privacy.PersonalData;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.ossgateway.source.RecordCodec;
import id.ossgateway.source.StoredReject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A reject as the console shows it: reasons as field, rule and message, and the source record — with personal
 * data masked unless the viewer is an operator.
 */
record RejectView(String rejectId, String systemId, String sourceRef, String method, String mappingVersion,
                  String status, Instant createdAt, Instant resolvedAt, String messageId, List<Reason> reasons,
                  Map<String, Object> record) {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Reason(String field, String rule, String message) {
    }

    static RejectView of(StoredReject r, boolean unmasked) {
        Map<String, Object> fields = new LinkedHashMap<>(RecordCodec.read(r.record()));
        return new RejectView(r.rejectId(), r.systemId(), r.sourceRef(), r.method(), r.mappingVersion(), r.status(),
                r.createdAt(), r.resolvedAt(), r.messageId(), reasons(r.reasons()),
                unmasked ? fields : PersonalData.maskRecord(fields));
    }

    /** The record as JSON, e.g. to try it in the mapping preview. */
    public String recordJson() {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(record);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Reason> reasons(String json) {
        List<Reason> out = new ArrayList<>();
        try {
            for (JsonNode n : JSON.readTree(json)) {
                out.add(new Reason(n.path("field").asText(null), n.path("rule").asText(null),
                        n.path("message").asText(null)));
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            out.add(new Reason(null, null, json));
        }
        return out;
    }
}
