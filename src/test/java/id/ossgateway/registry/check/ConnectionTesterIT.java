package id.ossgateway.registry.check;

import static org.assertj.core.api.Assertions.assertThat;

import id.ossgateway.it.LegacyDatabases;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connection test against real servers on this machine: PostgreSQL and MariaDB (skipped outside CI
 * when absent, as {@link LegacyDatabases} does), and in-process Apache FtpServer, MINA SSHD and a JDK
 * HTTP server. The allowlist names 127.0.0.1 explicitly, as an operator would have to.
 *
 * <p>PostgreSQL here uses trust authentication, which accepts any password, so a wrong password cannot be
 * shown on it: AUTH_FAILED is shown on PostgreSQL with an unknown role and on MariaDB with a wrong
 * password.
 */
class ConnectionTesterIT {

    private static final String PASSWORD = "Rahasia-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8).replace('-', '_');
    private static final String TABLE = "izin_check_" + SUFFIX;
    private static final String MARIA_USER = "opd_check_" + SUFFIX;

    @TempDir
    static Path work;
    private static KeyPair clientKey;
    private static FtpTestServer ftp;
    private static SftpTestServer sftp;

    private final ConnectionTester tester = new ConnectionTester(new OutboundGuard(List.of("127.0.0.1")), work);

    @BeforeAll
    static void startServers() throws Exception {
        Files.createDirectories(work.resolve("home/masuk"));
        Files.writeString(work.resolve("home/masuk/izin.csv"), "nib;kd_izin\n", StandardCharsets.UTF_8);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        clientKey = generator.generateKeyPair();
        ftp = new FtpTestServer(work.resolve("home"), "opd", PASSWORD);
        sftp = new SftpTestServer(work.resolve("home"), "opd", PASSWORD, clientKey.getPublic());
    }

    @AfterAll
    static void stopServers() throws Exception {
        ftp.close();
        sftp.close();
    }

    // --- SQL ---

    private static Map<String, String> sql(String url, String user, String table, String key, String watermark) {
        return Map.of("jdbcUrl", url, "username", user, "table", table, "keyColumn", key, "watermarkColumn", watermark);
    }

    private static void createTable(String url, String user) throws Exception {
        try (Connection c = LegacyDatabases.connect(url, user); Statement s = c.createStatement()) {
            s.execute("create table " + TABLE + " (id_izin varchar(25) primary key, updated_at timestamp null)");
        }
    }

    private static void drop(String url, String user, String statement) throws Exception {
        try (Connection c = LegacyDatabases.connect(url, user); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    @Test
    void postgresqlTableColumnsAndLoginAreEachNamed() throws Exception {
        LegacyDatabases.require(LegacyDatabases.POSTGRES, "postgres");
        createTable(LegacyDatabases.POSTGRES, "postgres");
        try {
            String url = LegacyDatabases.POSTGRES + "?ApplicationName=oss-gateway-check";
            assertThat(tester.test("SQL", sql(url, "postgres", TABLE, "id_izin", "updated_at"), Map.of()))
                    .isEqualTo(Verdict.ok("Connected to the database 'test' on 127.0.0.1:5432 as 'postgres'; table '"
                            + TABLE + "' has the columns 'id_izin' and 'updated_at' and can be read."));
            assertThat(tester.test("SQL", sql(url, "postgres", TABLE + "_x", "id_izin", "updated_at"), Map.of()).code())
                    .isEqualTo(VerdictCode.TABLE_MISSING);
            Verdict column = tester.test("SQL", sql(url, "postgres", TABLE, "id_izin", "diubah_pada"), Map.of());
            assertThat(column.code()).isEqualTo(VerdictCode.COLUMN_MISSING);
            assertThat(column.message()).startsWith("Column 'diubah_pada' (setting 'watermarkColumn') does not exist in table '" + TABLE + "'.");
            Verdict login = tester.test("SQL", sql(url, "no_such_role_" + SUFFIX, TABLE, "id_izin", "updated_at"),
                    Map.of("password", PASSWORD));
            assertThat(login.code()).isEqualTo(VerdictCode.AUTH_FAILED);
            assertThat(login.message()).contains("refused user 'no_such_role_" + SUFFIX + "'").doesNotContain(PASSWORD);
        } finally {
            drop(LegacyDatabases.POSTGRES, "postgres", "drop table " + TABLE);
        }
    }

    @Test
    void mariadbWrongPasswordMissingTableAndColumn() throws Exception {
        LegacyDatabases.require(LegacyDatabases.MARIADB, "root");
        createTable(LegacyDatabases.MARIADB, "root");
        drop(LegacyDatabases.MARIADB, "root", "create user '" + MARIA_USER + "'@'%' identified by '" + PASSWORD + "'");
        drop(LegacyDatabases.MARIADB, "root", "grant select on test.* to '" + MARIA_USER + "'@'%'");
        try {
            String url = LegacyDatabases.MARIADB;
            Map<String, String> right = Map.of("password", PASSWORD);
            assertThat(tester.test("SQL", sql(url, MARIA_USER, TABLE, "id_izin", "updated_at"), right).code())
                    .isEqualTo(VerdictCode.OK);
            Verdict wrong = tester.test("SQL", sql(url, MARIA_USER, TABLE, "id_izin", "updated_at"),
                    Map.of("password", PASSWORD + "-salah"));
            assertThat(wrong.code()).isEqualTo(VerdictCode.AUTH_FAILED);
            assertThat(wrong.message()).contains("refused user '" + MARIA_USER + "'").doesNotContain(PASSWORD);
            assertThat(tester.test("SQL", sql(url, MARIA_USER, "tidak_ada_" + SUFFIX, "id_izin", "updated_at"), right)
                    .message()).startsWith("Table 'tidak_ada_" + SUFFIX + "' (setting 'table') does not exist");
            Verdict column = tester.test("SQL", sql(url, MARIA_USER, TABLE, "no_izin", "updated_at"), right);
            assertThat(column.code()).isEqualTo(VerdictCode.COLUMN_MISSING);
            assertThat(column.message()).startsWith("Column 'no_izin' (setting 'keyColumn') does not exist");
        } finally {
            drop(LegacyDatabases.MARIADB, "root", "drop user '" + MARIA_USER + "'@'%'");
            drop(LegacyDatabases.MARIADB, "root", "drop table " + TABLE);
        }
    }

    @Test
    void closedPortIsUnreachable() throws Exception {
        int closed = closedPort();
        Verdict verdict = tester.test("SQL", sql("jdbc:postgresql://127.0.0.1:" + closed + "/test", "postgres",
                TABLE, "id_izin", "updated_at"), Map.of());

        assertThat(verdict).isEqualTo(Verdict.failed(VerdictCode.HOST_UNREACHABLE, "Could not connect to the database"
                + " at 127.0.0.1 port " + closed + " (connection refused); check the host, the port and that the"
                + " OPD's firewall lets the gateway in."));
    }

    @Test
    void silentServerTimesOut() throws Exception {
        // the kernel completes the TCP handshake, nobody ever answers the login
        try (ServerSocket silent = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            ConnectionTester quick = new ConnectionTester(new OutboundGuard(List.of("127.0.0.1")), work, Duration.ofSeconds(1));
            Verdict verdict = quick.test("SQL", sql("jdbc:mariadb://127.0.0.1:" + silent.getLocalPort() + "/test",
                    "root", TABLE, "id_izin", "updated_at"), Map.of());

            assertThat(verdict.code()).isEqualTo(VerdictCode.TIMEOUT);
            assertThat(verdict.message()).contains("did not answer within 1 seconds");
        }
    }

    @Test
    void loopbackIsRefusedWhenTheAllowlistDoesNotNameIt() {
        ConnectionTester strict = new ConnectionTester(new OutboundGuard(List.of("10.0.0.0/8", "localhost")), work);

        Verdict byAddress = strict.test("SQL", sql(LegacyDatabases.POSTGRES, "postgres", TABLE, "id_izin", "updated_at"), Map.of());
        Verdict byName = strict.test("FTP", Map.of("host", "localhost", "port", String.valueOf(ftp.port()),
                "username", "opd"), Map.of("password", PASSWORD));

        assertThat(byAddress).isEqualTo(Verdict.failed(VerdictCode.REFUSED_TARGET, "Host '127.0.0.1' is a loopback"
                + " address; the gateway refuses it because it reaches services on the gateway's own machine, unless"
                + " the operator adds that address to the allowlist explicitly."));
        assertThat(byName.code()).isEqualTo(VerdictCode.REFUSED_TARGET);
        assertThat(byName.message()).startsWith("Host 'localhost' resolves to ");
    }

    @Test
    void unsafeJdbcUrlIsRefusedBeforeAnyConnection() {
        Verdict verdict = tester.test("SQL", sql("jdbc:mariadb://127.0.0.1:3306/test?allowLocalInfile=true", "root",
                TABLE, "id_izin", "updated_at"), Map.of());

        assertThat(verdict.code()).isEqualTo(VerdictCode.BAD_SETTINGS);
        assertThat(verdict.message()).contains("property 'allowLocalInfile'");
    }

    // --- FTP and SFTP ---

    private static Map<String, String> remote(int port, String path) {
        return Map.of("host", "127.0.0.1", "port", String.valueOf(port), "username", "opd", "path", path);
    }

    @Test
    void ftpLoginFolderAndListing() throws Exception {
        Map<String, String> right = Map.of("password", PASSWORD);

        assertThat(tester.test("FTP", remote(ftp.port(), "/masuk"), right)).isEqualTo(Verdict.ok(
                "Logged in to FTP 127.0.0.1:" + ftp.port() + " as 'opd'; folder '/masuk' can be listed (1 entries)."));
        Verdict wrong = tester.test("FTP", remote(ftp.port(), "/masuk"), Map.of("password", "salah-" + PASSWORD));
        assertThat(wrong.code()).isEqualTo(VerdictCode.AUTH_FAILED);
        assertThat(wrong.message()).doesNotContain(PASSWORD);
        assertThat(tester.test("FTP", remote(ftp.port(), "/keluar"), right).message())
                .startsWith("Folder '/keluar' (setting 'path') does not exist on 127.0.0.1");
        assertThat(tester.test("FTP", remote(closedPort(), "/masuk"), right).code()).isEqualTo(VerdictCode.HOST_UNREACHABLE);
        assertThat(tester.test("FTP", remote(ftp.port(), "/masuk/../.."), right).code()).isEqualTo(VerdictCode.BAD_SETTINGS);
    }

    @Test
    void sftpWithPasswordOrPrivateKey() throws Exception {
        Verdict password = tester.test("SFTP", remote(sftp.port(), "/masuk"), Map.of("password", PASSWORD));
        Verdict key = tester.test("SFTP", remote(sftp.port(), "masuk"), Map.of("privateKey", pem(clientKey)));

        assertThat(password.code()).isEqualTo(VerdictCode.OK);
        assertThat(password.message()).startsWith("Logged in to SFTP 127.0.0.1:" + sftp.port() + " as 'opd' (host key ")
                .endsWith("folder '/masuk' can be listed.");
        assertThat(key.code()).isEqualTo(VerdictCode.OK);
        Verdict wrong = tester.test("SFTP", remote(sftp.port(), "/masuk"), Map.of("password", "salah-" + PASSWORD));
        assertThat(wrong.code()).isEqualTo(VerdictCode.AUTH_FAILED);
        assertThat(wrong.message()).doesNotContain(PASSWORD);
        assertThat(tester.test("SFTP", remote(sftp.port(), "/keluar"), Map.of("password", PASSWORD)).code())
                .isEqualTo(VerdictCode.FOLDER_MISSING);
        assertThat(tester.test("SFTP", remote(sftp.port(), "/masuk"), Map.of("privateKey", "not a key")).code())
                .isEqualTo(VerdictCode.BAD_SETTINGS);
    }

    private static String pem(KeyPair pair) {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    // --- FOLDER and REST ---

    @Test
    void folderInsideTheRoot() throws Exception {
        assertThat(tester.test("FOLDER", Map.of("path", "home/masuk"), Map.of()))
                .isEqualTo(Verdict.ok("Folder 'home/masuk' exists on the gateway and can be listed."));
        assertThat(tester.test("FOLDER", Map.of("path", "home/keluar"), Map.of()).code()).isEqualTo(VerdictCode.FOLDER_MISSING);
        assertThat(tester.test("FOLDER", Map.of("path", "home/masuk/izin.csv"), Map.of()).message())
                .isEqualTo("'home/masuk/izin.csv' (setting 'path') is a file, not a folder.");
        assertThat(tester.test("FOLDER", Map.of("path", "/etc"), Map.of()).code()).isEqualTo(VerdictCode.BAD_SETTINGS);
    }

    @Test
    void restPullWithEachAuthKind() throws Exception {
        String token = "token-" + PASSWORD;
        try (RestTestServer bearer = new RestTestServer("Authorization", "Bearer " + token);
             RestTestServer apiKey = new RestTestServer("X-Api-Key", token);
             RestTestServer basic = new RestTestServer("Authorization", RestTestServer.basic("opd", token))) {
            Map<String, String> secret = Map.of("secret", token);

            assertThat(tester.test("REST_PULL", Map.of("url", bearer.url("/izin"), "authKind", "bearer"), secret))
                    .isEqualTo(Verdict.ok("GET 127.0.0.1/izin answered 200 with JSON."));
            assertThat(tester.test("REST_PULL", Map.of("url", apiKey.url("/izin"), "authKind", "apiKey",
                    "authHeader", "X-Api-Key"), secret).code()).isEqualTo(VerdictCode.OK);
            assertThat(tester.test("REST_PULL", Map.of("url", basic.url("/izin"), "authKind", "basic",
                    "username", "opd"), secret).code()).isEqualTo(VerdictCode.OK);
            Verdict wrong = tester.test("REST_PULL", Map.of("url", bearer.url("/izin"), "authKind", "bearer"),
                    Map.of("secret", "salah"));
            assertThat(wrong.code()).isEqualTo(VerdictCode.AUTH_FAILED);
            assertThat(tester.test("REST_PULL", Map.of("url", bearer.url("/page")), Map.of()).code()).isEqualTo(VerdictCode.NOT_JSON);
            assertThat(tester.test("REST_PULL", Map.of("url", bearer.url("/broken")), Map.of()).message())
                    .isEqualTo("GET 127.0.0.1/broken answered HTTP 500, an error on the OPD's server.");
            assertThat(tester.test("REST_PULL", Map.of("url", bearer.url("/moved")), Map.of()).code()).isEqualTo(VerdictCode.HTTP_ERROR);
        }
        assertThat(tester.test("REST_PULL", Map.of("url", "http://127.0.0.1:" + closedPort() + "/izin"), Map.of()).code())
                .isEqualTo(VerdictCode.HOST_UNREACHABLE);
    }

    @Test
    void restPushAndUnknownKinds() {
        assertThat(tester.test("REST_PUSH", Map.of(), Map.of()).ok()).isTrue();
        assertThat(tester.test("LDAP", Map.of(), Map.of()).code()).isEqualTo(VerdictCode.BAD_SETTINGS);
    }

    /** A port that was free a moment ago and has no listener now. */
    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
