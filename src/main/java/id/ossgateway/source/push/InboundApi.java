package id.ossgateway.source.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.ossgateway.envelope.SourceRef;
import id.ossgateway.journal.MessageJournal;
import id.ossgateway.journal.StoredMessage;
import id.ossgateway.source.Ingest;
import id.ossgateway.source.IngestResult;
import id.ossgateway.source.NoMappingException;
import id.ossgateway.source.RecordCodec;
import id.ossgateway.source.RejectStore;
import id.ossgateway.source.SourceRecord;
import id.ossgateway.source.StoredReject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * OPD systems push their own JSON: {@code POST /api/v1/inbound/{systemId}} with header {@code X-Api-Key},
 * one record or an array. The reply is 202 once every record is on the queue or in the reject store, with
 * a tracking id per record; {@code GET /api/v1/inbound/{systemId}/{trackingId}} tells where it stands. An
 * {@code Idempotency-Key} header makes a retried request yield the same messages instead of new ones.
 */
@RestController
class InboundApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PushProperties properties;
    private final Ingest ingest;
    private final MessageJournal journal;
    private final RejectStore rejects;
    private final List<PushKeyDirectory> directories;

    InboundApi(PushProperties properties, Ingest ingest, MessageJournal journal, RejectStore rejects,
               List<PushKeyDirectory> directories) {
        this.properties = properties;
        this.directories = directories;
        this.ingest = ingest;
        this.journal = journal;
        this.rejects = rejects;
    }

    @PostMapping("/api/v1/inbound/{systemId}")
    ResponseEntity<JsonNode> push(@PathVariable String systemId,
                                  @RequestHeader(name = "X-Api-Key", required = false) String apiKey,
                                  @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
                                  @RequestBody(required = false) byte[] body) {
        Optional<ResponseEntity<JsonNode>> denied = authorize(systemId, apiKey);
        if (denied.isPresent()) {
            return denied.get();
        }
        if (body == null || body.length == 0) {
            return error(HttpStatus.BAD_REQUEST, "empty body: send one JSON object or an array of them");
        }
        if (body.length > properties.maxBodyBytes()) {
            return error(HttpStatus.PAYLOAD_TOO_LARGE, "body is " + body.length + " bytes, at most "
                    + properties.maxBodyBytes() + " accepted");
        }
        JsonNode parsed;
        try {
            parsed = JSON.readTree(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return error(HttpStatus.BAD_REQUEST, "malformed JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            return error(HttpStatus.BAD_REQUEST, "unreadable body");
        }
        List<JsonNode> items = new ArrayList<>();
        if (parsed instanceof ArrayNode array) {
            array.forEach(items::add);
        } else {
            items.add(parsed);
        }
        if (items.isEmpty() || items.size() > properties.maxRecords()) {
            return error(HttpStatus.BAD_REQUEST, "send 1 to " + properties.maxRecords() + " records, got " + items.size());
        }
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof ObjectNode)) {
                return error(HttpStatus.BAD_REQUEST, "record " + i + " is not a JSON object");
            }
        }
        String request = idempotencyKey != null && !idempotencyKey.isBlank() && idempotencyKey.length() <= 100
                ? "key:" + idempotencyKey : "req:" + UUID.randomUUID();
        List<SourceRecord> records = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            records.add(new SourceRecord(new SourceRef(SourceRef.Kind.REST_PUSH, request + "#" + i),
                    RecordCodec.read((ObjectNode) items.get(i))));
        }
        IngestResult result;
        try {
            result = ingest.accept(systemId, records);
        } catch (NoMappingException e) {
            return error(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        }
        ArrayNode tracking = JSON.createArrayNode();
        for (IngestResult.Outcome o : result.outcomes()) {
            ObjectNode t = tracking.addObject().put("trackingId", o.id()).put("status", switch (o.kind()) {
                case ACCEPTED -> "QUEUED";
                case REJECTED -> "REJECTED";
                case SKIPPED -> "SKIPPED";
                case DUPLICATE -> "DUPLICATE"; // trackingId: the message it duplicates
            });
            if (o.detail() != null) {
                t.put("detail", o.detail());
            }
        }
        ObjectNode reply = JSON.createObjectNode().put("accepted", result.accepted()).put("rejected", result.rejected())
                .put("skipped", result.skipped());
        reply.set("records", tracking);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(reply);
    }

    @GetMapping("/api/v1/inbound/{systemId}/{trackingId}")
    ResponseEntity<JsonNode> track(@PathVariable String systemId, @PathVariable String trackingId,
                                   @RequestHeader(name = "X-Api-Key", required = false) String apiKey) {
        Optional<ResponseEntity<JsonNode>> denied = authorize(systemId, apiKey);
        if (denied.isPresent()) {
            return denied.get();
        }
        Optional<StoredMessage> message = journal.find(trackingId).filter(m -> m.systemId().equals(systemId));
        if (message.isPresent()) {
            StoredMessage m = message.get();
            ObjectNode n = JSON.createObjectNode().put("trackingId", trackingId).put("status", m.state().name())
                    .put("idIzin", m.businessKey()).put("method", m.method());
            if (m.nomorIzin() != null) {
                n.put("nomor_izin", m.nomorIzin());
            }
            if (m.lastError() != null) {
                n.put("reason", m.lastError());
            }
            return ResponseEntity.ok(n);
        }
        Optional<StoredReject> reject = rejects.find(trackingId).filter(r -> r.systemId().equals(systemId));
        if (reject.isPresent()) {
            ObjectNode n = JSON.createObjectNode().put("trackingId", trackingId)
                    .put("status", "OPEN".equals(reject.get().status()) ? "REJECTED" : reject.get().status());
            try {
                n.set("reasons", JSON.readTree(reject.get().reasons()));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return ResponseEntity.ok(n);
        }
        return error(HttpStatus.NOT_FOUND, "no record " + trackingId + " of " + systemId);
    }

    private Optional<ResponseEntity<JsonNode>> authorize(String systemId, String apiKey) {
        PushProperties.PushSystem configured = properties.systems().get(systemId);
        Optional<String> keyHash = configured != null ? Optional.of(configured.apiKeySha256())
                : directories.stream().map(d -> d.activeKeySha256(systemId)).flatMap(Optional::stream).findFirst();
        if (keyHash.isEmpty()) {
            return Optional.of(error(HttpStatus.NOT_FOUND, "unknown system " + systemId));
        }
        if (apiKey == null || !MessageDigest.isEqual(sha256(apiKey), HexFormat.of().parseHex(keyHash.get()))) {
            return Optional.of(error(HttpStatus.UNAUTHORIZED, "missing or wrong X-Api-Key for " + systemId));
        }
        return Optional.empty();
    }

    static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ResponseEntity<JsonNode> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(JSON.createObjectNode().put("error", message));
    }
}
