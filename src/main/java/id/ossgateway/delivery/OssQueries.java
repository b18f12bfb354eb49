package id.ossgateway.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.ossgateway.pia.PiaMethod;
import id.ossgateway.pia.PiaReply;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The read-only PIA calls the delivery needs besides the POST itself: {@code checkLicenseStatus}, to
 * settle attempts whose outcome is unknown, and {@code getDataReferensi}, as the circuit breaker's probe.
 */
@Component
class OssQueries {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final OssProperties oss;
    private final OssCredentials credentials;
    private final HttpClient http;

    OssQueries(OssProperties oss, OssCredentials credentials) {
        this.oss = oss;
        this.credentials = credentials;
        this.http = HttpClient.newBuilder().connectTimeout(oss.connectTimeout()).build();
    }

    /**
     * The status code OSS holds for a permit, or empty when OSS does not know the permit.
     *
     * @throws OssTransientException when OSS cannot answer now; the caller retries later
     */
    Optional<String> currentStatus(String idIzin) {
        PiaReply reply = call(PiaMethod.CHECK_LICENSE_STATUS, Map.of("id_izin", idIzin));
        if (reply.effectiveCode() == 404) {
            return Optional.empty();
        }
        if (!reply.isSuccess()) {
            throw new OssTransientException(reply.httpStatus(), reply.kode(),
                    "checkLicenseStatus failed: " + reply.keterangan(), null);
        }
        return reply.dataIzin().map(d -> d.path("kd_status").asText(null));
    }

    /** True when OSS answers a cheap reference-data query successfully. */
    boolean probe() {
        try {
            return call(PiaMethod.GET_DATA_REFERENSI, Map.of("kode", "10")).isSuccess();
        } catch (OssTransientException e) {
            return false;
        }
    }

    private PiaReply call(PiaMethod method, Map<String, String> fields) {
        try {
            String body = JSON.writeValueAsString(Map.of(method.wrapper(), fields));
            HttpRequest request = HttpRequest.newBuilder(URI.create(oss.url(method.path())))
                    .timeout(oss.responseTimeout())
                    .header("Content-Type", "application/json")
                    .header("user_key", credentials.userKey())
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return PiaReply.parse(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new OssTransientException(0, null, method.path() + ": " + e, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OssTransientException(0, null, method.path() + " interrupted", null);
        }
    }
}
