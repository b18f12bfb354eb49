package id.ossgateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.ossgateway.observability.BrowsingQueueCounter;
import jakarta.jms.ConnectionFactory;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What operators see: the Prometheus scrape (every metric the shipped alert rules and dashboard use, with the
 * right values after real traffic), per-source health, the structured log (message id, no personal data) and
 * the actuator endpoints that are not exposed. The gateway logs as in production (ECS JSON), and exports metrics
 * as in production ({@code @AutoConfigureObservability}: Spring Boot turns exporters off in tests otherwise).
 */
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = "logging.structured.format.console=ecs")
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String KEY = "obs-" + UUID.randomUUID();
    private static final Path SOURCES = tempDir();
    private static final String LEGACY_URL = "jdbc:h2:mem:obs_" + UUID.randomUUID().toString().replace("-", "")
            + ";DB_CLOSE_DELAY=-1";
    private static final String SOURCE = "it-feed:obs";
    private static final String BROKEN_SOURCE = "it-feed:broken";
    private static final String NIK = "3201234567890123";
    private static final String PHONE = "081234567890";
    private static final String EMAIL = "siti.rahma@contoh.co.id";
    private static int port;

    @Autowired
    ConnectionFactory connections;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        port = GatewayTestSupport.register(registry);
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(KEY.getBytes(StandardCharsets.UTF_8)));
        registry.add("gateway.push.systems.it-feed.api-key-sha256", () -> hash);
        registry.add("gateway.sources.dir", SOURCES::toString);
        registry.add("gateway.sources.reload-interval", () -> "200ms");
        registry.add("gateway.observability.queue-depth-max-age", () -> "0s");
        registry.add("camel.component.kamelet.location", () -> "file:" + Paths.get("routes/kamelets").toAbsolutePath());
    }

    @Test
    void everyMetricOfTheAlertRulesAndTheDashboardIsExposedWithTheTrafficItCounts() throws Exception {
        createLegacyTable("obs");
        startSqlSource("obs");
        String good = "OB-" + shortId();
        String refused = "OB-" + shortId();
        GatewayTestSupport.put(port, "/oss-sim/_faults", "{\"failIdIzin\": {\"" + refused + "\": 400}}");
        JsonNode reply = push("[" + record(good, Map.of()) + ", " + record(refused, Map.of())
                + ", {\"id_izin\": \"" + good + "-x\", \"nib\": \"123\"}]");
        assertThat(reply.path("accepted").asInt()).isEqualTo(2);
        assertThat(reply.path("rejected").asInt()).isEqualTo(1);

        // each of these comes from its own asynchronous step (the good record's delivery, the dead letter's
        // commit into its queue, the source's poll; queue depths are cached for a few seconds): wait for all
        String metrics = await().atMost(Duration.ofSeconds(60)).until(ObservabilityIT::scrape, m ->
                sample(m, "gateway_records_dead_lettered_total{system=\"it-feed\"") == 1.0
                        && sample(m, "gateway_source_last_success_seconds{source=\"" + SOURCE + "\"") > 0
                        && sample(m, "gateway_records_delivered_total{method=\"receiveLicenseStatus\",system=\"it-feed\"") >= 1
                        && sample(m, "gateway_queue_depth{queue=\"dlq\"") == 1.0
                        && sample(m, "gateway_queue_depth{queue=\"outbound\"") == 0.0);
        assertThat(sample(metrics, "gateway_records_received_total{system=\"it-feed\"")).isGreaterThanOrEqualTo(3);
        assertThat(sample(metrics, "gateway_records_rejected_total{system=\"it-feed\"")).isGreaterThanOrEqualTo(1);
        assertThat(sample(metrics, "gateway_records_delivered_total{method=\"receiveLicenseStatus\",system=\"it-feed\""))
                .isGreaterThanOrEqualTo(1);
        assertThat(sample(metrics, "gateway_delivery_latency_seconds_count{method=\"receiveLicenseStatus\""))
                .isGreaterThanOrEqualTo(1);
        assertThat(metrics).contains("gateway_delivery_latency_seconds_bucket{method=\"receiveLicenseStatus\"");
        assertThat(sample(metrics, "gateway_queue_depth{queue=\"dlq\"")).isEqualTo(1.0);
        assertThat(sample(metrics, "gateway_queue_depth{queue=\"outbound\"")).isEqualTo(0.0);
        assertThat(sample(metrics, "resilience4j_circuitbreaker_state{name=\"oss\",state=\"closed\"")).isEqualTo(1.0);
        assertThat(sample(metrics, "gateway_source_consecutive_failures{source=\"" + SOURCE + "\"")).isEqualTo(0.0);
        // an external broker is counted by browsing: the same answer as the embedded broker's own count
        assertThat(new BrowsingQueueCounter(connections, 1000).count("oss.outbound.dlq")).isEqualTo(1.0);

        Set<String> exposed = names(metrics);
        Set<String> used = new TreeSet<>();
        used.addAll(metricNames(Files.readString(Path.of("config/prometheus/oss-gateway-alerts.yml"))));
        used.addAll(metricNames(Files.readString(Path.of("config/grafana/oss-gateway-dashboard.json"))));
        assertThat(used).as("metrics used by the alert rules and the dashboard").isNotEmpty();
        assertThat(exposed).containsAll(used);
    }

    @Test
    void aSourceIsDownWithItsReasonAfterRepeatedFailuresWhileReadinessStaysUp() throws Exception {
        startSqlSource("broken"); // its table does not exist (yet): every poll fails
        await().atMost(Duration.ofSeconds(30)).until(() -> "DOWN".equals(sourceHealth().path("status").asText()));
        JsonNode source = sourceHealth();
        assertThat(source.path("details").path("consecutiveFailures").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(source.path("details").path("reason").asText()).containsIgnoringCase("BROKEN_PERMOHONAN");
        assertThat(health("/actuator/health/readiness").path("status").asText()).isEqualTo("UP");
        assertThat(health("/actuator/health/liveness").path("status").asText()).isEqualTo("UP");

        createLegacyTable("broken");
        await().atMost(Duration.ofSeconds(30)).until(() -> "UP".equals(sourceHealth().path("status").asText()));
        assertThat(sourceHealth().path("details").path("consecutiveFailures").asInt()).isZero();
    }

    @Test
    void logsAreJsonWithTheMessageIdAndWithoutPersonalData(CapturedOutput output) throws Exception {
        String id = "OL-" + shortId();
        Map<String, Object> personal = Map.of("nik_pemohon", NIK, "telepon", PHONE, "email", EMAIL);
        JsonNode reply = push("[" + record(id, personal) + "]");
        String messageId = reply.path("records").get(0).path("trackingId").asText();
        // a line the gateway does not control, quoting a record (as a database error would)
        LoggerFactory.getLogger("org.example.LegacyDriver").warn("duplicate key: nik {} phone {} mail {}", NIK, PHONE, EMAIL);

        await().atMost(Duration.ofSeconds(30)).until(() -> output.getOut().contains("\"messageId\":\"" + messageId + "\""));
        List<JsonNode> lines = output.getOut().lines().map(ObservabilityIT::jsonOrNull)
                .filter(java.util.Objects::nonNull).toList();
        assertThat(lines).anySatisfy(l -> {
            assertThat(l.path("message").asText()).startsWith("delivered message=" + messageId);
            assertThat(l.path("messageId").asText()).isEqualTo(messageId);
        });
        assertThat(lines).anySatisfy(l -> assertThat(l.path("message").asText())
                .isEqualTo("duplicate key: nik [nik] phone [phone] mail [email]"));
        assertThat(output.getAll()).doesNotContain(NIK, PHONE, EMAIL);
    }

    @Test
    void onlyHealthInfoAndPrometheusAreExposed() throws Exception {
        for (String path : List.of("/actuator/env", "/actuator/beans", "/actuator/heapdump", "/actuator/threaddump",
                "/actuator/configprops", "/actuator/loggers", "/actuator/metrics", "/actuator/mappings",
                "/actuator/camelroutes", "/actuator/shutdown")) {
            assertThat(status(path, GatewayTestSupport.adminToken(port))).as("admin: " + path).isEqualTo(404);
            assertThat(status(path, null)).as("anonymous: " + path).isEqualTo(401);
        }
        JsonNode links = JSON.readTree(send("/actuator", GatewayTestSupport.adminToken(port)).body()).path("_links");
        Set<String> exposed = new TreeSet<>();
        links.fieldNames().forEachRemaining(exposed::add);
        assertThat(exposed).containsExactlyInAnyOrder("self", "health", "health-path", "info", "prometheus");
        for (String path : List.of("/actuator/health", "/actuator/health/readiness", "/actuator/info",
                "/actuator/prometheus")) {
            assertThat(status(path, null)).as("anonymous: " + path).isIn(200, 503);
        }
    }

    // --- helpers

    private static JsonNode sourceHealth() throws Exception {
        return health("/actuator/health").path("components").path("sources").path("components").path(BROKEN_SOURCE);
    }

    private static void startSqlSource(String table) throws IOException {
        Files.writeString(SOURCES.resolve(table + ".yaml"), """
                system: it-feed
                template: opd-sql-source
                parameters:
                  jdbcUrl: "%s"
                  username: sa
                  query: select * from %s_permohonan
                  watermarkColumn: updated_at
                  keyColumn: id_izin
                  table: %s
                  period: 200
                """.formatted(LEGACY_URL, table, table));
    }

    private static void createLegacyTable(String table) throws Exception {
        try (Connection c = DriverManager.getConnection(LEGACY_URL, "sa", "")) {
            c.createStatement().execute("create table if not exists " + table + "_permohonan"
                    + " (id_izin varchar(40) primary key, updated_at timestamp)");
        }
    }

    private static String record(String idIzin, Map<String, Object> extra) throws IOException {
        Map<String, Object> fields = new java.util.LinkedHashMap<>(Records.status(idIzin, "10", "2026-11-02 10:00:00").fields());
        fields.putAll(extra);
        return JSON.writeValueAsString(fields);
    }

    private static JsonNode push(String body) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/v1/inbound/it-feed")).header("Content-Type", "application/json").header("X-Api-Key", KEY)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        return JSON.readTree(r.body());
    }

    private static String scrape() throws Exception {
        HttpResponse<String> r = send("/actuator/prometheus", null); // public: Prometheus scrapes without a token
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    private static JsonNode health(String path) throws Exception {
        return JSON.readTree(send(path, GatewayTestSupport.adminToken(port)).body());
    }

    private static int status(String path, String token) throws Exception {
        return send(path, token).statusCode();
    }

    private static HttpResponse<String> send(String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The value of the first sample whose line starts with the given name and labels; -1 when there is none. */
    private static double sample(String metrics, String prefix) {
        return metrics.lines().filter(l -> l.startsWith(prefix)).findFirst()
                .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).orElse(-1.0);
    }

    /** Metric names in the scrape, with and without the histogram and counter suffixes. */
    private static Set<String> names(String metrics) {
        Set<String> names = new TreeSet<>();
        metrics.lines().filter(l -> !l.startsWith("#") && !l.isBlank())
                .map(l -> l.split("[{ ]", 2)[0]).forEach(names::add);
        return names;
    }

    /** The gateway's and resilience4j's metric names a rules file or a dashboard refers to. */
    static Set<String> metricNames(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("\\b(?:gateway|resilience4j)_[a-z0-9_]+").matcher(text);
        while (m.find()) {
            names.add(m.group());
        }
        return names;
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("gateway-obs-sources-");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static JsonNode jsonOrNull(String line) {
        try {
            return line.startsWith("{") ? JSON.readTree(line) : null;
        } catch (IOException e) {
            return null;
        }
    }
}
