package id.ossgateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** REST push over real HTTP: 202 with tracking ids, tracking through to delivery, and the refusals. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class PushIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String KEY = "push-" + UUID.randomUUID();
    private static int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        port = GatewayTestSupport.register(registry);
        String hash = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(KEY.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        registry.add("gateway.push.systems.it-feed.api-key-sha256", () -> hash);
        registry.add("gateway.push.max-body-bytes", () -> "20000");
    }

    @Test
    void aBatchIsAcceptedTrackedAndDeliveredAndABadRecordIsRejectedWithReasons() throws Exception {
        String id = "PU-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> good = Records.status(id, "10", "2026-11-02 10:00:00").fields();
        String body = "[" + JSON.writeValueAsString(good) + ", {\"id_izin\": \"" + id + "-x\", \"nib\": \"123\"}]";
        HttpResponse<String> r = post("/api/v1/inbound/it-feed", KEY, body, null);
        assertThat(r.statusCode()).isEqualTo(202);
        JsonNode reply = JSON.readTree(r.body());
        assertThat(reply.path("accepted").asInt()).isEqualTo(1);
        assertThat(reply.path("rejected").asInt()).isEqualTo(1);
        String tracking = reply.path("records").get(0).path("trackingId").asText();
        String rejected = reply.path("records").get(1).path("trackingId").asText();

        await().atMost(Duration.ofSeconds(30)).until(() ->
                track(tracking).path("status").asText().equals("DELIVERED"));
        assertThat(track(tracking).path("idIzin").asText()).isEqualTo(id);
        JsonNode reject = track(rejected);
        assertThat(reject.path("status").asText()).isEqualTo("REJECTED");
        assertThat(reject.path("reasons").toString()).contains("nib", "kd_status");
    }

    @Test
    void aRetriedRequestWithTheSameIdempotencyKeyYieldsTheSameMessage() throws Exception {
        String body = JSON.writeValueAsString(Records.status("PU-" + UUID.randomUUID().toString().substring(0, 8),
                "20", "2026-11-02 10:00:00").fields());
        String key = UUID.randomUUID().toString();
        JsonNode first = JSON.readTree(post("/api/v1/inbound/it-feed", KEY, body, key).body());
        JsonNode second = JSON.readTree(post("/api/v1/inbound/it-feed", KEY, body, key).body());
        assertThat(second.path("records").get(0).path("trackingId"))
                .isEqualTo(first.path("records").get(0).path("trackingId"));
    }

    @Test
    void refusalsAreClearAndChangeNothing() throws Exception {
        assertThat(post("/api/v1/inbound/it-feed", "wrong", "{}", null).statusCode()).isEqualTo(401);
        assertThat(post("/api/v1/inbound/it-feed", null, "{}", null).statusCode()).isEqualTo(401);
        assertThat(post("/api/v1/inbound/nobody", KEY, "{}", null).statusCode()).isEqualTo(404);
        HttpResponse<String> malformed = post("/api/v1/inbound/it-feed", KEY, "{\"nib\": ", null);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("malformed JSON");
        assertThat(post("/api/v1/inbound/it-feed", KEY, "[1, 2]", null).statusCode()).isEqualTo(400);
        assertThat(post("/api/v1/inbound/it-feed", KEY, "[]", null).statusCode()).isEqualTo(400);
        String big = "[" + ("{\"keterangan\": \"" + "x".repeat(1000) + "\"},").repeat(25) + "{}]";
        assertThat(post("/api/v1/inbound/it-feed", KEY, big, null).statusCode()).isEqualTo(413);
        assertThat(get("/api/v1/inbound/it-feed/" + UUID.randomUUID(), KEY).statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/inbound/it-feed/" + UUID.randomUUID(), "wrong").statusCode()).isEqualTo(401);
    }

    private JsonNode track(String trackingId) throws Exception {
        return JSON.readTree(get("/api/v1/inbound/it-feed/" + trackingId, KEY).body());
    }

    private static HttpResponse<String> post(String path, String key, String body, String idempotencyKey)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            b.header("X-Api-Key", key);
        }
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path, String key) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("X-Api-Key", key)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
