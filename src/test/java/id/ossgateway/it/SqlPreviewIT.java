package id.ossgateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.ossgateway.source.SourcePositions;
import id.ossgateway.source.sql.SqlSourcePoller;
import id.ossgateway.source.sql.SqlSourceSpec;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The mapping preview on real rows of a polled PostgreSQL source, through the REST endpoint and through
 * {@code tools/preview.py} run as a process against this gateway: every outcome shown, nothing sent, the
 * position where it was.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class SqlPreviewIT {

    private static final String STATE_SCHEMA = "gw_it_" + UUID.randomUUID().toString().substring(0, 8);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        LegacyDatabases.require(LegacyDatabases.POSTGRES, "root");
        port = GatewayTestSupport.register(registry);
        registry.add("spring.datasource.url", () -> LegacyDatabases.POSTGRES + "?currentSchema=" + STATE_SCHEMA);
        registry.add("spring.datasource.username", () -> "root");
        registry.add("spring.datasource.password", () -> "");
        registry.add("spring.flyway.schemas", () -> STATE_SCHEMA);
    }

    @Autowired
    SqlSourcePoller poller;
    @Autowired
    SourcePositions positions;

    private String table;
    private String prefix;

    /** A polled source of three rows, the second without keterangan, all of them delivered. */
    @BeforeEach
    void polledSource() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        table = "izin_preview_" + suffix;
        prefix = "PV" + suffix;
        try (Connection c = LegacyDatabases.connect(LegacyDatabases.POSTGRES, "root"); Statement s = c.createStatement()) {
            s.execute("create table " + table + " (row_id int primary key, id_izin varchar(25), keterangan varchar(200),"
                    + " updated_at timestamp)");
            s.execute("insert into " + table + " values (1, '" + prefix + "-1', 'diterima', '2026-11-02 08:00'),"
                    + " (2, '" + prefix + "-2', null, '2026-11-02 08:01'), (3, '" + prefix + "-3', 'ok', '2026-11-02 08:02')");
        }
        String query = "select t.*, '9120301234567' as nib, 'P-1' as id_produk, 'R-2026000001' as id_proyek,"
                + " 'OSS0000000001' as oss_id, 'I-012345' as kd_izin, '001' as kd_instansi, '20' as kd_status,"
                + " '2026-11-02 10:00:00' as tgl_status, '198001012005011001' as nip_status, 'Petugas' as nama_status"
                + " from " + table + " t";
        assertThat(poller.poll(new SqlSourceSpec("it-feed", null, LegacyDatabases.POSTGRES, "root", "", query,
                "updated_at", "row_id", table, 10, 1, Duration.ZERO))).contains("3 rows", "2 accepted", "1 rejected");
        await().atMost(Duration.ofSeconds(30)).until(() -> calls() == 2);
    }

    @Test
    void previewShowsTheFirstRowsThroughTheMappingAndSendsNothing() throws Exception {
        var position = positions.find("it-feed:" + table).orElseThrow();

        HttpResponse<String> reply = post("/api/v1/mappings/it-feed/preview/sql?limit=2&table=" + table);

        assertThat(reply.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(reply.body());
        assertThat(body.path("source").asText()).isEqualTo("it-feed:" + table);
        assertThat(body.path("mappingVersion").asText()).startsWith("it-feed@");
        JsonNode results = body.path("results");
        assertThat(results).hasSize(2);
        assertThat(results.get(0).path("outcome").asText()).isEqualTo("MAPPED");
        assertThat(results.get(0).path("source").asText()).isEqualTo("sql_row:" + table + "#1");
        assertThat(results.get(0).path("document").path("IZINSTATUS").path("id_izin").asText()).isEqualTo(prefix + "-1");
        assertThat(results.get(0).path("document").path("IZINSTATUS").path("keterangan").asText()).isEqualTo("diterima");
        assertThat(results.get(1).path("outcome").asText()).isEqualTo("REJECTED");
        assertThat(results.get(1).path("violations").toString()).contains("\"field\":\"keterangan\"",
                "\"rule\":\"required\"");

        assertThat(positions.find("it-feed:" + table)).contains(position);
        assertThat(calls()).isEqualTo(2);
    }

    @Test
    void previewRefusesMoreThanFiftyRowsAndSystemsWithoutASqlSource() throws Exception {
        assertThat(post("/api/v1/mappings/it-feed/preview/sql?limit=51").statusCode()).isEqualTo(400);
        assertThat(post("/api/v1/mappings/it-feed/preview/sql?limit=0").statusCode()).isEqualTo(400);
        HttpResponse<String> unknown = post("/api/v1/mappings/no-such-system/preview/sql");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("no SQL source of no-such-system");
    }

    @Test
    void previewScriptShowsSqlRowsAndSamplesAndExitsWithTheOutcome() throws Exception {
        Path csv = Files.createTempFile("preview-", ".csv");
        Files.writeString(csv, "nib;id_produk;id_proyek;oss_id;id_izin;kd_izin;kd_instansi;kd_status;tgl_status;"
                + "nip_status;nama_status;keterangan\n9120301234567;P-1;R-2026000001;OSS0000000001;" + prefix
                + "-csv;I-012345;001;20;2026-11-02 10:00:00;198001012005011001;Petugas;dari CSV\n");

        Run sql = preview("--sql", "it-feed", "--limit", "3", "--table", table);
        assertThat(sql.exit()).as(sql.output()).isEqualTo(1); // one row is rejected
        assertThat(sql.output()).contains("record 1 (sql_row:" + table + "#1): MAPPED receiveLicenseStatus",
                "record 2 (sql_row:" + table + "#2): REJECTED receiveLicenseStatus",
                "keterangan: is required [required]", "record 3 (sql_row:" + table + "#3): MAPPED");

        Run sample = preview("src/test/resources/it/mappings/it-feed.yaml", csv.toString());
        assertThat(sample.exit()).as(sample.output()).isZero();
        assertThat(sample.output()).contains("\"id_izin\": \"" + prefix + "-csv\"", "\"keterangan\": \"dari CSV\"");

        Path typo = Files.createTempFile("it-feed-", ".yaml");
        Files.writeString(typo, Files.readString(Path.of("src/test/resources/it/mappings/it-feed.yaml"))
                .replace("    keterangan: keterangan", "    keteranganx: keterangan"));
        Run refused = preview(typo.toString(), csv.toString());
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.output()).contains("keteranganx");
        assertThat(calls()).isEqualTo(2);
    }

    private record Run(int exit, String output) {
    }

    private Run preview(String... args) throws Exception {
        String python = python3();
        List<String> command = new java.util.ArrayList<>(List.of(python, "tools/preview.py"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("GATEWAY_TOKEN", GatewayTestSupport.adminToken(port));
        pb.environment().put("GATEWAY_URL", "http://localhost:" + port);
        Process process = pb.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("preview.py finished").isTrue();
        return new Run(process.exitValue(), output);
    }

    /** python3 from PATH; skipped locally when missing, a failure in CI where it must be present. */
    private static String python3() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "python3"))) {
                return Path.of(dir, "python3").toString();
            }
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("python3 is required in CI to test tools/preview.py but is not on PATH");
        }
        assumeTrue(false, "python3 not on PATH: tools/preview.py not tested (skipped outside CI)");
        return null;
    }

    private HttpResponse<String> post(String path) throws Exception {
        return HTTP.send(GatewayTestSupport.authorized(port, path)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private long calls() {
        long n = 0;
        for (JsonNode call : GatewayTestSupport.get(port, "/oss-sim/_calls?method=receiveLicenseStatus")) {
            if (call.path("body").path("IZINSTATUS").path("id_izin").asText().startsWith(prefix + "-")) {
                n++;
            }
        }
        return n;
    }
}
