package id.ossgateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.ossgateway.osssim.SimulatorProperties;
import id.ossgateway.osssim.StandaloneSimulator;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bulk dead-letter replay under the delivery crash test's rules: a gateway in its own JVM dead-letters every
 * record (OSS answers 400), an operator replays all of them at once, and the gateway is killed with SIGKILL while
 * the replay runs. After a restart every message is either delivered exactly once or still in the dead-letter
 * queue — none lost between the two queues, none sent twice.
 */
class DeadLetterReplayCrashIT {

    private static final int RECORDS = 300;
    private static final String PASSWORD = "replay-crash-" + java.util.UUID.randomUUID();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path work;
    private StandaloneSimulator simulator;
    private Process gateway;
    private int port;
    private String token;

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.destroyForcibly();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void aGatewayKilledDuringABulkReplayLeavesEveryMessageDeliveredOnceOrStillDeadLettered() throws Exception {
        String legacyUrl = "jdbc:h2:file:" + work.resolve("legacy/opd") + ";DB_CLOSE_ON_EXIT=FALSE";
        seed(legacyUrl);
        Path routes = Files.createDirectories(work.resolve("routes"));
        Files.writeString(routes.resolve("it-feed.camel.yaml"), """
                - route:
                    id: it-feed
                    from:
                      uri: "kamelet:opd-sql-source"
                      parameters:
                        systemId: it-feed
                        jdbcUrl: "%s"
                        username: sa
                        query: select * from izin_feed
                        watermarkColumn: updated_at
                        keyColumn: row_id
                        table: izin_feed
                        period: 500
                      steps:
                        - log: { message: "${body}", loggingLevel: DEBUG }
                """.formatted(legacyUrl));
        // OSS refuses every document: each goes to the dead-letter queue at its first attempt
        simulator = StandaloneSimulator.start(0, new SimulatorProperties.Faults(1.0, List.of(400), null, 0, null,
                null, null, null, 0, null, null));

        gateway = start(routes, 1);
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                .until(() -> deadLetters().size() == RECORDS);
        List<String> ids = deadLetters().stream().map(d -> d.path("messageId").asText()).toList();

        simulator.faults(new SimulatorProperties.Faults(0, null, Duration.ofMillis(20), 0, null, null, null, null, 0,
                null, null));
        CompletableFuture<HttpResponse<String>> replay = HTTP.sendAsync(request("/api/v1/dead-letters/replay")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("messageIds", ids)))).build(),
                HttpResponse.BodyHandlers.ofString());
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(10)).until(() -> accepted() >= 10);
        boolean replayFinished = replay.isDone();
        gateway.destroyForcibly().waitFor(); // SIGKILL half-way through the replay
        assertThat(replayFinished).as("the replay was still running when the gateway died").isFalse();

        gateway = start(routes, 2);
        // settled: what OSS accepted and what still waits in the dead-letter queue account for every record
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                .until(() -> accepted() + deadLetters().size() == RECORDS);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> accepted() + deadLetters().size() == RECORDS);

        assertThat(simulator.stats().path("duplicates").asLong()).as("documents OSS accepted twice").isZero();
        Set<String> delivered = new HashSet<>();
        for (JsonNode call : simulator.calls("receiveLicenseStatus")) {
            if (call.path("reply").path("status").asInt() == 200) {
                assertThat(delivered.add(call.path("body").path("IZINSTATUS").path("id_izin").asText())).isTrue();
            }
        }
        Set<String> waiting = new HashSet<>();
        deadLetters().forEach(d -> waiting.add(d.path("idIzin").asText()));
        assertThat(delivered).as("delivered and still dead-lettered at once").doesNotContainAnyElementsOf(waiting);
        assertThat(delivered.size() + waiting.size()).isEqualTo(RECORDS);
        assertThat(delivered.size()).as("some were replayed before the kill").isGreaterThanOrEqualTo(10);
    }

    private long accepted() {
        return simulator.stats().path("acceptedDistinct").asLong();
    }

    private List<JsonNode> deadLetters() throws Exception {
        HttpResponse<String> r = HTTP.send(request("/api/v1/dead-letters?limit=1000").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        List<JsonNode> out = new ArrayList<>();
        if (r.statusCode() == 200) {
            JSON.readTree(r.body()).forEach(out::add);
        }
        return out;
    }

    /** As the operator, with an API token (a form or Basic login would need a CSRF token for the POST). */
    private HttpRequest.Builder request(String path) {
        if (token == null) {
            token = GatewayTestSupport.token(port, "admin", PASSWORD);
        }
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", "Bearer " + token);
    }

    private Process start(Path routes, int run) throws Exception {
        port = GatewayTestSupport.freePort();
        token = null;
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), "id.ossgateway.GatewayApplication",
                "--server.port=" + port,
                "--gateway.data-dir=" + work.resolve("data"),
                "--gateway.routes-dir=" + routes,
                "--gateway.mappings-dir=" + Paths.get("src/test/resources/it/mappings").toAbsolutePath(),
                "--camel.component.kamelet.location=file:" + Paths.get("routes/kamelets").toAbsolutePath(),
                "--gateway.demo.enabled=false",
                "--gateway.osssim.enabled=false",
                "--gateway.security.initial-admin-password=" + PASSWORD,
                "--gateway.oss.base-url=" + simulator.baseUrl(),
                "--gateway.delivery.concurrency=4",
                "--gateway.node-id=replay-crash-" + run));
        File log = Paths.get("target", "replay-crash-it-gateway-" + run + ".log").toFile();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() -> {
            try {
                return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                        .build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
            } catch (java.io.IOException notYet) {
                return false;
            }
        });
        return p;
    }

    private static void seed(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            c.createStatement().execute("create table izin_feed (row_id int primary key, id_izin varchar(25),"
                    + " nib char(13), id_produk varchar(25), id_proyek varchar(25), oss_id varchar(25),"
                    + " kd_izin varchar(12), kd_instansi varchar(3), kd_status varchar(2), tgl_status varchar(19),"
                    + " nip_status varchar(50), nama_status varchar(50), keterangan varchar(200),"
                    + " updated_at timestamp not null)");
            LocalDateTime at = LocalDateTime.of(2026, 11, 2, 8, 0);
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into izin_feed values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 1; i <= RECORDS; i++) {
                    ps.setInt(1, i);
                    ps.setString(2, String.format("I-DL%05d", i));
                    ps.setString(3, "9120301234567");
                    ps.setString(4, "P-" + i);
                    ps.setString(5, "R-2026000001");
                    ps.setString(6, "P-2026000000001");
                    ps.setString(7, "I-012345");
                    ps.setString(8, "001");
                    ps.setString(9, "10");
                    ps.setString(10, "2026-11-02 08:00:00");
                    ps.setString(11, "198001012005011001");
                    ps.setString(12, "Petugas");
                    ps.setString(13, "berkas lengkap");
                    ps.setTimestamp(14, Timestamp.valueOf(at.plusSeconds(i)));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }
}
