package id.ossgateway.pia;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * What OSS answered: the HTTP status and, when the body is a PIA reply, the {@code respon*.kode} and
 * {@code keterangan} (Lampiran 9) and the {@code nomor_izin} of a receiveLicense. The HTTP status is
 * supposed to mirror {@code kode}; when they disagree, the worse of the two counts.
 */
public record PiaReply(int httpStatus, Integer kode, String keterangan, String nomorIzin, JsonNode body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads a reply body; a body that is not JSON keeps only the HTTP status and a short excerpt. */
    public static PiaReply parse(int httpStatus, String rawBody) {
        if (rawBody == null || rawBody.isBlank()) {
            return new PiaReply(httpStatus, null, null, null, null);
        }
        JsonNode body;
        try {
            body = JSON.readTree(rawBody);
        } catch (IOException e) {
            return new PiaReply(httpStatus, null, excerpt(rawBody), null, null);
        }
        JsonNode respon = respon(body);
        Integer kode = respon.path("kode").canConvertToInt() || respon.path("kode").isTextual()
                ? parseKode(respon.path("kode").asText()) : null;
        String keterangan = respon.path("keterangan").isValueNode() ? respon.path("keterangan").asText() : null;
        String nomorIzin = respon.path("nomor_izin").isValueNode() ? respon.path("nomor_izin").asText() : null;
        return new PiaReply(httpStatus, kode, keterangan, nomorIzin, body);
    }

    /** The effective response code: {@code kode} when OSS sent one and it is not better than the HTTP status. */
    public int effectiveCode() {
        if (kode == null) {
            return httpStatus;
        }
        return httpStatus >= 300 && kode < 300 ? httpStatus : kode;
    }

    public boolean isSuccess() {
        return effectiveCode() >= 200 && effectiveCode() < 300;
    }

    /** The {@code dataIZIN} of a checkLicenseStatus reply. */
    public Optional<JsonNode> dataIzin() {
        JsonNode data = body == null ? null : respon(body).get("dataIZIN");
        return data == null || data.isNull() ? Optional.empty() : Optional.of(data);
    }

    /** The {@code respon<method>} object, whatever its exact name (OSS itself is not consistent). */
    private static JsonNode respon(JsonNode body) {
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getKey().startsWith("respon") && field.getValue().isObject()) {
                return field.getValue();
            }
        }
        return body;
    }

    private static Integer parseKode(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String excerpt(String raw) {
        String flat = raw.replaceAll("\\s+", " ").trim();
        return flat.length() > 160 ? flat.substring(0, 160) + "…" : flat;
    }
}
