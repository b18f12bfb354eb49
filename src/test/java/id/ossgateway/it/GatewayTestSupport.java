package id.ossgateway.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * What the in-process integration tests share: a gateway on a free port with its own data directory
 * (embedded persistent Artemis, H2 file), the embedded simulator, the test mappings, and fast retries.
 */
public final class GatewayTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private GatewayTestSupport() {
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Registers the settings of a test gateway; returns its port. */
    public static int register(DynamicPropertyRegistry registry) {
        int port = freePort();
        TOKENS.remove(port); // a token of an earlier test gateway that had the same port is not valid here
        Path data;
        try {
            data = Files.createTempDirectory("gateway-it-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // a new gateway on this port: a token cached for an earlier test gateway that had the port is not valid here
        TOKENS.remove(port);
        registry.add("server.port", () -> port);
        registry.add("gateway.data-dir", data::toString);
        registry.add("gateway.routes-dir", () -> Paths.get("src/test/resources/it/routes").toAbsolutePath().toString());
        registry.add("gateway.mappings-dir", () -> Paths.get("src/test/resources/it/mappings").toAbsolutePath().toString());
        registry.add("gateway.demo.enabled", () -> "false");
        registry.add("gateway.security.initial-admin-password", () -> ADMIN_PASSWORD);
        registry.add("gateway.osssim.enabled", () -> "true");
        // the in-process ITs' fixtures predate the simulator's identifier check (made-up id_izin like "FD12ab-1");
        // the check itself: FieldRulesTest, CrashRecoveryIT and DeadLetterReplayCrashIT (standalone simulator)
        registry.add("gateway.osssim.check-issued-identifiers", () -> "false");
        registry.add("gateway.delivery.concurrency", () -> "8");
        registry.add("gateway.delivery.max-attempts", () -> "10");
        registry.add("gateway.delivery.backoff.initial", () -> "50ms");
        registry.add("gateway.delivery.backoff.max", () -> "200ms");
        registry.add("gateway.delivery.circuit.window", () -> "10");
        registry.add("gateway.delivery.circuit.minimum-calls", () -> "6");
        registry.add("gateway.delivery.circuit.probe-interval", () -> "500ms");
        registry.add("gateway.delivery.circuit.half-open-calls", () -> "2");
        return port;
    }

    /** The first administrator's password of every test gateway (random per test run, never a default). */
    public static final String ADMIN_PASSWORD = "it-" + java.util.UUID.randomUUID();
    private static final java.util.Map<Integer, String> TOKENS = new java.util.concurrent.ConcurrentHashMap<>();

    /** A request to the test gateway as its administrator (an API token issued on first use). */
    public static HttpRequest.Builder authorized(int port, String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + adminToken(port));
    }

    public static String adminToken(int port) {
        return TOKENS.computeIfAbsent(port, p -> token(p, "admin", ADMIN_PASSWORD));
    }

    /** Issues an API token for a user through the API, logging in with HTTP Basic. */
    public static String token(int port, String user, String password) {
        String basic = java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
        JsonNode reply = send(port, HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/tokens"))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"it\"}")));
        return reply.path("token").asText();
    }

    public static JsonNode get(int port, String path) {
        return send(port, authorized(port, path).GET());
    }

    public static JsonNode put(int port, String path, String json) {
        return send(port, authorized(port, path)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public static JsonNode delete(int port, String path) {
        return send(port, authorized(port, path).DELETE());
    }

    private static JsonNode send(int port, HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() >= 300) {
                throw new IllegalStateException(r.statusCode() + " " + r.body());
            }
            return r.body().isBlank() ? JSON.nullNode() : JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
