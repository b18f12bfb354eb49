package id.ossgateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import id.ossgateway.osssim.SimulatorProperties;
import id.ossgateway.osssim.StandaloneSimulator;
import java.io.File;
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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The durability promise, tested the hard way: a gateway in its own JVM polls a legacy table and
 * delivers to a simulator in this JVM; it is killed with SIGKILL twice mid-stream and restarted. At the
 * end the simulator must have accepted every record exactly once.
 */
class CrashRecoveryIT {

    private static final int PERMITS = 200;
    private static final List<String> STATUSES = List.of("09", "10", "20");

    @TempDir
    Path work;
    private StandaloneSimulator simulator;
    private Process gateway;

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
    void aGatewayKilledMidStreamLosesNothingAndSendsNothingTwice() throws Exception {
        int rows = PERMITS * STATUSES.size();
        String legacyUrl = "jdbc:h2:file:" + work.resolve("legacy/opd") + ";DB_CLOSE_ON_EXIT=FALSE";
        seedLegacyTable(legacyUrl);
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
                        batchSize: 40
                        maxBatches: 1
                        period: 300
                      steps:
                        - log: { message: "${body}", loggingLevel: DEBUG }
                """.formatted(legacyUrl));

        simulator = StandaloneSimulator.start(0, new SimulatorProperties.Faults(0, null, Duration.ofMillis(40),
                0, null, null, null, null, 0, null, null));

        gateway = startGateway(routes, 1);
        awaitAccepted(rows / 4);
        gateway.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no graceful anything
        long afterFirstKill = accepted();

        gateway = startGateway(routes, 2);
        awaitAccepted(afterFirstKill + rows / 4);
        gateway.destroyForcibly().waitFor();

        gateway = startGateway(routes, 3);
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .until(() -> simulator.stats().path("acceptedDistinct").asLong() >= rows);

        JsonNode stats = simulator.stats();
        assertThat(stats.path("duplicates").asLong()).as("documents OSS accepted twice").isZero();
        assertThat(stats.path("acceptedDistinct").asLong()).isEqualTo(rows);
        Set<String> delivered = new HashSet<>();
        for (JsonNode call : simulator.calls("receiveLicenseStatus")) {
            if (call.path("reply").path("status").asInt() == 200) {
                JsonNode doc = call.path("body").path("IZINSTATUS");
                delivered.add(doc.path("id_izin").asText() + "/" + doc.path("kd_status").asText());
            }
        }
        assertThat(delivered).hasSize(rows);
    }

    private void awaitAccepted(long atLeast) {
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
                .until(() -> accepted() >= atLeast);
    }

    private long accepted() {
        return simulator.stats().path("accepted").path("receiveLicenseStatus").asLong();
    }

    private Process startGateway(Path routes, int run) throws Exception {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), "id.ossgateway.GatewayApplication",
                "--server.port=" + GatewayTestSupport.freePort(),
                "--gateway.data-dir=" + work.resolve("data"),
                "--gateway.routes-dir=" + routes,
                "--gateway.mappings-dir=" + Paths.get("src/test/resources/it/mappings").toAbsolutePath(),
                "--camel.component.kamelet.location=file:" + Paths.get("routes/kamelets").toAbsolutePath(),
                "--gateway.demo.enabled=false",
                "--gateway.osssim.enabled=false",
                "--gateway.oss.base-url=" + simulator.baseUrl(),
                "--gateway.delivery.concurrency=4",
                "--gateway.node-id=crash-it-" + run));
        File log = Paths.get("target", "crash-it-gateway-" + run + ".log").toFile();
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
    }

    /** Every permit moves through three statuses; rows of one status share timestamps in pairs (tie-breaks). */
    private static void seedLegacyTable(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            c.createStatement().execute("create table izin_feed (row_id int primary key, id_izin varchar(25),"
                    + " nib char(13), id_produk varchar(25), id_proyek varchar(25), oss_id varchar(25),"
                    + " kd_izin varchar(12), kd_instansi varchar(3), kd_status varchar(2), tgl_status varchar(19),"
                    + " nip_status varchar(50), nama_status varchar(50), keterangan varchar(200),"
                    + " updated_at timestamp not null)");
            LocalDateTime base = LocalDateTime.of(2026, 11, 2, 8, 0);
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into izin_feed values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                int row = 0;
                for (int s = 0; s < STATUSES.size(); s++) {
                    for (int p = 0; p < PERMITS; p++) {
                        row++;
                        LocalDateTime at = base.plusMinutes(s * 60L).plusSeconds(p / 2);
                        ps.setInt(1, row);
                        ps.setString(2, String.format("I-CR%05d", p));
                        ps.setString(3, "9120301234567");
                        ps.setString(4, "P-" + p);
                        ps.setString(5, "R-2026000001");
                        ps.setString(6, "P-2026000000001");
                        ps.setString(7, "I-012345");
                        ps.setString(8, "001");
                        ps.setString(9, STATUSES.get(s));
                        ps.setString(10, at.toString().replace('T', ' ') + (at.getSecond() == 0 ? ":00" : ""));
                        ps.setString(11, "198001012005011001");
                        ps.setString(12, "Petugas");
                        ps.setString(13, "status " + STATUSES.get(s));
                        ps.setTimestamp(14, Timestamp.valueOf(at));
                        ps.addBatch();
                    }
                }
                ps.executeBatch();
            }
        }
    }
}
