package id.ossgateway.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.ossgateway.it.GatewayTestSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one gateway all console browser tests share (same properties, so Spring starts it once): the test
 * mappings in a temporary folder the tests may rewrite, REST push keys for the file-defined feeds, and fast
 * mapping reloads.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
abstract class ConsoleTestGateway {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String RUN = UUID.randomUUID().toString().substring(0, 6);
    /** Push key of the file-defined systems {@code it-feed} and {@code console-feed}. */
    static final String PUSH_KEY = "console-push-" + UUID.randomUUID();
    static final Path MAPPINGS = tempDir();
    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = GatewayTestSupport.ADMIN_PASSWORD;
    static int port;

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) throws Exception {
        port = GatewayTestSupport.register(registry);
        Files.copy(Paths.get("src/test/resources/it/mappings/it-feed.yaml"), MAPPINGS.resolve("it-feed.yaml"));
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(PUSH_KEY.getBytes(StandardCharsets.UTF_8)));
        registry.add("gateway.push.systems.it-feed.api-key-sha256", () -> hash);
        registry.add("gateway.push.systems.console-feed.api-key-sha256", () -> hash);
        registry.add("gateway.mappings-dir", MAPPINGS::toString);
        registry.add("gateway.mapping.reload-interval", () -> "200ms");
        registry.add("camel.component.kamelet.location", () -> "file:" + Paths.get("routes/kamelets").toAbsolutePath());
    }

    /**
     * Writes {@code mappings/<system>.yaml}: the pass-through it-feed mapping, optionally with kd_status going
     * through a value table of the given lines. Dated ahead so a rewrite within the same second is seen.
     */
    static void writeMapping(String system, String statusLookupLines, int secondsAhead) {
        try {
            String text = Files.readString(Paths.get("src/test/resources/it/mappings/it-feed.yaml"))
                    .replace("system: it-feed", "system: " + system);
            if (statusLookupLines != null) {
                text = text.replace("    kd_status: kd_status\n", "    kd_status: { source: kd_status, lookup: status }\n")
                        + "lookups:\n  status:\n" + statusLookupLines;
            }
            Path file = MAPPINGS.resolve(system + ".yaml");
            Files.writeString(file, text);
            Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(secondsAhead)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** POSTs records to the REST push API and returns its reply (202 expected). */
    static JsonNode push(String system, String key, String json) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/v1/inbound/" + system)).header("X-Api-Key", key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 202) {
            throw new AssertionError("push to " + system + ": " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }

    /** A call to the gateway's API as the administrator. */
    static JsonNode api(String method, String path, Object body) throws Exception {
        HttpResponse<String> r = HTTP.send(GatewayTestSupport.authorized(port, path)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new AssertionError(method + " " + path + ": " + r.statusCode() + " " + r.body());
        }
        return r.body().isBlank() ? JSON.nullNode() : JSON.readTree(r.body());
    }

    /** The IZINSTATUS document the simulator accepted for a permit, or null. */
    static JsonNode deliveredStatus(String idIzin) {
        for (JsonNode call : GatewayTestSupport.get(port, "/oss-sim/_calls?method=receiveLicenseStatus")) {
            JsonNode doc = call.path("body").path("IZINSTATUS");
            if (doc.path("id_izin").asText().equals(idIzin) && call.path("reply").path("status").asInt() == 200) {
                return doc;
            }
        }
        return null;
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("console-it-mappings");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
