package id.ossgateway.envelope;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.ossgateway.pia.Direction;
import id.ossgateway.pia.PiaMethod;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One record on its way between an OPD system and OSS.
 *
 * @param messageId      stable id: the same source record with the same content always gets the same id,
 *                       so a source that reads a record twice (after a crash) produces the same message
 * @param direction      which way the record flows
 * @param opdCode        the regional office that owns the record
 * @param systemId       the OPD system (source) that produced it
 * @param sourceRef      where in that system the record came from
 * @param method         the PIA method it is sent with
 * @param businessKey    the permit it is about ({@code id_izin}); messages of one permit stay in order
 * @param contentHash    SHA-256 of the canonical document; with the business key, the idempotency key
 * @param receivedAt     when the gateway read or received the record
 * @param mappingVersion the mapping that produced the document, for tracing and replay
 * @param document       the PIA request body, wrapper included ({@code {"IZINSTATUS": {...}}})
 */
public record Envelope(
        String messageId,
        Direction direction,
        String opdCode,
        String systemId,
        SourceRef sourceRef,
        PiaMethod method,
        String businessKey,
        String contentHash,
        Instant receivedAt,
        String mappingVersion,
        ObjectNode document) {

    public Envelope {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(document, "document");
    }

    /**
     * Wraps a mapped document: derives the business key, the content hash and the stable message id.
     */
    public static Envelope of(String opdCode, String systemId, SourceRef sourceRef, PiaMethod method,
                              ObjectNode document, String mappingVersion, Instant receivedAt) {
        String hash = ContentHash.of(document);
        String businessKey = document.path(method.wrapper()).path("id_izin").asText(null);
        String seed = systemId + '\n' + sourceRef + '\n' + method.path() + '\n' + hash;
        String id = UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
        return new Envelope(id, method.direction(), opdCode, systemId, sourceRef, method, businessKey, hash,
                receivedAt, mappingVersion, document);
    }

    /** The fields inside the wrapper object. */
    public JsonNode fields() {
        return document.path(method.wrapper());
    }

    /** The permit status code the document reports (kd_status or status_izin), if any. */
    public String statusCode() {
        return method.statusField() == null ? null : fields().path(method.statusField()).asText(null);
    }

    /** The NIB the document is about; a business identifier, not personal data. */
    public String nib() {
        return fields().path("nib").asText(null);
    }
}
