package id.ossgateway.osssim;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.ossgateway.pia.CodeLists;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.http.HttpStatus;

/**
 * One answer of the simulator: the HTTP status, which always equals the reply's {@code kode}, the
 * PIA-shaped body {@code {"respon<method>": {"kode": ..., "keterangan": ...}}}, and the seconds of a
 * {@code Retry-After} header for a 429.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record SimReply(int status, JsonNode body, Long retryAfterSeconds) {

    /** Codes real OSS answers that Lampiran 9 does not list. */
    private static final Map<Integer, String> BEYOND_LAMPIRAN_9 = Map.of(
            429, "Terlalu Banyak Permintaan",
            503, "Layanan OSS Tidak Tersedia");

    static SimReply of(String method, int kode, String keterangan) {
        return of(method, kode, keterangan, respon -> {
        });
    }

    /** A reply whose {@code respon<method>} object gets more fields after kode and keterangan. */
    static SimReply of(String method, int kode, String keterangan, Consumer<ObjectNode> more) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ObjectNode respon = body.putObject("respon" + method);
        respon.put("kode", kode);
        respon.put("keterangan", keterangan);
        more.accept(respon);
        return new SimReply(kode, body, null);
    }

    SimReply withRetryAfter(Long seconds) {
        return new SimReply(status, body, seconds);
    }

    /** The label of a response code: Lampiran 9 where it has one, else the HTTP reason phrase. */
    static String label(int code) {
        return CodeLists.pia().label(CodeLists.RESPONSE_CODES, String.valueOf(code))
                .or(() -> Optional.ofNullable(BEYOND_LAMPIRAN_9.get(code)))
                .orElseGet(() -> {
                    HttpStatus status = HttpStatus.resolve(code);
                    return status == null ? "Kode " + code : status.getReasonPhrase();
                });
    }
}
