package id.ossgateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import id.ossgateway.source.SourceHealth;
import id.ossgateway.source.template.SourceRoutes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Sources defined as files in {@code config/sources/}: started from their template at run time, replaced
 * when the file changes, kept running when a broken version is written over them, stopped when removed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class ConfiguredSourcesIT {

    private static final Path WORK = tempDir();
    private static final Path SOURCES = WORK.resolve("sources");
    private static final String LEGACY_URL = "jdbc:h2:mem:configured_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    private static int port;

    @Autowired
    SourceRoutes routes;
    @Autowired
    SourceHealth health;
    @Autowired
    CamelContext camel;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        port = GatewayTestSupport.register(registry);
        Files.createDirectories(SOURCES);
        registry.add("gateway.sources.dir", SOURCES::toString);
        registry.add("gateway.sources.reload-interval", () -> "200ms");
        registry.add("camel.component.kamelet.location", () -> "file:" + Paths.get("routes/kamelets").toAbsolutePath());
        registry.add("it.legacy-url", () -> LEGACY_URL);
    }

    @Test
    void aDropFolderSourceIsStartedChangedRefusedWhenBrokenAndStoppedWhenRemoved() throws Exception {
        Path first = Files.createDirectories(WORK.resolve("drop-a"));
        Path second = Files.createDirectories(WORK.resolve("drop-b"));
        Path file = SOURCES.resolve("it-drop.yaml");
        Files.writeString(file, dropSource(first, "delimiter"));
        assertDropIsRead(first);

        Files.writeString(file, dropSource(second, "delimiter"));
        assertDropIsRead(second);
        String left = drop(first);
        assertDropIsRead(second); // the old folder had as long to be picked up as this one
        assertThat(first.resolve(left)).as("the replaced source no longer reads the old folder").exists();

        Files.writeString(file, dropSource(first, "delimeter")); // a typo must not pass silently
        await().atMost(Duration.ofSeconds(20)).until(() -> health.statuses().containsKey("config/sources/it-drop.yaml"));
        assertThat(health.statuses().get("config/sources/it-drop.yaml").detail())
                .contains("'delimeter' is not a parameter of opd-file-source");
        assertDropIsRead(second); // the previous version keeps running

        Files.delete(file);
        // the routes go first, then the health entry: wait for both
        await().atMost(Duration.ofSeconds(30)).until(() -> camel.getRoute("it-drop") == null
                && camel.getRoute("it-drop-read") == null
                && !health.statuses().containsKey("config/sources/it-drop.yaml"));
        assertThat(routes.runningIds()).doesNotContain("it-drop");
        assertThat(health.statuses()).doesNotContainKey("config/sources/it-drop.yaml");
    }

    @Test
    void anSqlSourceIsStartedFromItsFileWithPlaceholdersResolved() throws Exception {
        String prefix = "CS" + UUID.randomUUID().toString().substring(0, 6);
        try (Connection c = DriverManager.getConnection(LEGACY_URL, "sa", ""); Statement s = c.createStatement()) {
            s.execute("create table izin_cfg (row_id int primary key, id_izin varchar(25), nib char(13),"
                    + " id_produk varchar(20), id_proyek varchar(20), oss_id varchar(20), kd_izin varchar(20),"
                    + " kd_instansi varchar(10), kd_status varchar(5), tgl_status varchar(20), nip_status varchar(20),"
                    + " nama_status varchar(50), keterangan varchar(100), updated_at timestamp)");
            for (int i = 1; i <= 3; i++) {
                s.execute("insert into izin_cfg values (" + i + ", '" + prefix + "-" + i + "', '9120301234567', 'P-1',"
                        + " 'R-2026000001', 'OSS0000000001', 'I-012345', '001', '10', '2026-11-02 10:00:00',"
                        + " '198001012005011001', 'Petugas', 'catatan', timestamp '2026-11-02 10:00:00')");
            }
        }
        Files.writeString(SOURCES.resolve("it-sql.yaml"), """
                system: it-feed
                template: opd-sql-source
                parameters:
                  jdbcUrl: "{{it.legacy-url}}"
                  username: sa
                  query: select * from izin_cfg
                  watermarkColumn: updated_at
                  keyColumn: row_id
                  table: izin_cfg
                  period: 300
                """);
        await().atMost(Duration.ofSeconds(30)).until(() -> delivered(prefix) == 3);
        assertThat(routes.runningIds()).contains("it-sql");
    }

    private void assertDropIsRead(Path folder) throws IOException {
        String name = drop(folder);
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(folder.resolve("done").resolve(name + ".result.txt")));
        assertThat(Files.readString(folder.resolve("done").resolve(name + ".result.txt"))).contains(";ACCEPTED;");
    }

    private static String drop(Path folder) throws IOException {
        String id = "CD" + UUID.randomUUID().toString().substring(0, 6);
        String csv = "id_izin;nib;id_produk;id_proyek;oss_id;kd_izin;kd_instansi;kd_status;tgl_status;nip_status;"
                + "nama_status;keterangan\n" + id + ";9120301234567;P-1;R-2026000001;OSS0000000001;I-012345;001;10;"
                + "2026-11-02 10:00:00;198001012005011001;Petugas;catatan\n";
        Path part = folder.resolve(id + ".part");
        Files.writeString(part, csv, StandardCharsets.UTF_8);
        Files.move(part, folder.resolve(id + ".csv"));
        return id + ".csv";
    }

    private static String dropSource(Path folder, String delimiterKey) {
        return """
                system: it-feed
                template: opd-file-source
                parameters:
                  uri: "file:%s"
                  %s: ";"
                  readLockMinAge: 300
                  delay: 200
                """.formatted(folder, delimiterKey);
    }

    private long delivered(String prefix) {
        long n = 0;
        for (JsonNode call : GatewayTestSupport.get(port, "/oss-sim/_calls?method=receiveLicenseStatus")) {
            if (call.path("body").path("IZINSTATUS").path("id_izin").asText().startsWith(prefix)
                    && call.path("reply").path("status").asInt() == 200) {
                n++;
            }
        }
        return n;
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("configured-sources-it");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
