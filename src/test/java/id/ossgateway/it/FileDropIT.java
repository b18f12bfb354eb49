package id.ossgateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.apache.ftpserver.usermanager.impl.WritePermission;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * File drops through the {@code opd-file-source} kamelet: a local folder, a real FTP server (Apache
 * FtpServer, passive mode) and a real SFTP server (Apache MINA SSHD, password auth) in this JVM. A windows-1252 CSV with BOM, CRLF and ';' whose good lines are
 * delivered while a bad one is rejected; the file moves to done/ with a result report next to it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class FileDropIT {

    private static final Path WORK = tempDir();
    private static final Path LOCAL = WORK.resolve("local");
    private static final Path FTP_HOME = WORK.resolve("ftp");
    private static final Path SFTP_HOME = WORK.resolve("sftp");
    private static FtpServer ftp;
    private static SshServer sftp;
    private static int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        port = GatewayTestSupport.register(registry);
        int ftpPort = GatewayTestSupport.freePort();
        startFtp(ftpPort);
        int sftpPort = GatewayTestSupport.freePort();
        startSftp(sftpPort);
        Path routes = Files.createDirectories(WORK.resolve("routes"));
        Files.createDirectories(LOCAL);
        Files.writeString(routes.resolve("drops.camel.yaml"), route("it-local-drop", "file:" + LOCAL)
                + route("it-ftp-drop", "ftp://opd@127.0.0.1:" + ftpPort + "/?password=RAW(secret-it)&passiveMode=true")
                + route("it-sftp-drop", "sftp://opd@127.0.0.1:" + sftpPort + "/?password=RAW(secret-it)"
                        + "&useUserKnownHostsFile=false&strictHostKeyChecking=no"));
        registry.add("gateway.routes-dir", routes::toString);
        registry.add("camel.component.kamelet.location", () -> "file:" + Paths.get("routes/kamelets").toAbsolutePath());
    }

    private static String route(String id, String uri) {
        return """
                - route:
                    id: %s
                    from:
                      uri: "kamelet:opd-file-source"
                      parameters:
                        systemId: it-feed
                        uri: "%s"
                        encoding: windows-1252
                        readLockMinAge: 500
                        delay: 300
                      steps:
                        - log: { message: "done", loggingLevel: DEBUG }
                """.formatted(id, uri);
    }

    private static void startFtp(int ftpPort) throws Exception {
        Files.createDirectories(FTP_HOME);
        FtpServerFactory server = new FtpServerFactory();
        ListenerFactory listener = new ListenerFactory();
        listener.setPort(ftpPort);
        listener.setServerAddress("127.0.0.1");
        server.addListener("default", listener.createListener());
        BaseUser user = new BaseUser();
        user.setName("opd");
        user.setPassword("secret-it");
        user.setHomeDirectory(FTP_HOME.toString());
        user.setAuthorities(List.of(new WritePermission()));
        server.getUserManager().save(user);
        ftp = server.createServer();
        ftp.start();
    }

    /** Apache MINA SSHD with the SFTP subsystem, password auth, the user jailed in SFTP_HOME. */
    private static void startSftp(int sftpPort) throws Exception {
        Files.createDirectories(SFTP_HOME);
        sftp = SshServer.setUpDefaultServer();
        sftp.setHost("127.0.0.1");
        sftp.setPort(sftpPort);
        sftp.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(WORK.resolve("hostkey.ser")));
        sftp.setPasswordAuthenticator((user, password, session) -> "opd".equals(user) && "secret-it".equals(password));
        sftp.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        sftp.setFileSystemFactory(new VirtualFileSystemFactory(SFTP_HOME));
        sftp.start();
    }

    @AfterAll
    static void stopServers() throws IOException {
        if (ftp != null) {
            ftp.stop();
        }
        if (sftp != null) {
            sftp.stop(true);
        }
    }

    @Test
    void aLocalDropIsDeliveredLineByLineWithAReport() throws Exception {
        assertDropWorks(LOCAL);
    }

    @Test
    void anFtpDropIsDeliveredLineByLineWithAReport() throws Exception {
        assertDropWorks(FTP_HOME);
    }

    @Test
    void anSftpDropIsDeliveredLineByLineWithAReport() throws Exception {
        assertDropWorks(SFTP_HOME);
    }

    @Test
    void jsonDropsAsAnArrayAndAsOneObjectPerLineAreRead() throws Exception {
        String prefix = "FJ" + UUID.randomUUID().toString().substring(0, 6);
        String record = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(
                Records.status(prefix + "-1", "10", "2026-11-02 10:00:00").fields());
        String second = record.replace(prefix + "-1", prefix + "-2");
        String third = record.replace(prefix + "-1", prefix + "-3").replace("\"kd_status\":\"10\"", "\"kd_status\":\"77\"");
        Files.writeString(LOCAL.resolve(prefix + "-array.json"), "[" + record + ",\n" + second + "]");
        Files.writeString(LOCAL.resolve(prefix + "-lines.json"), third + "\n");

        Path arrayReport = LOCAL.resolve("done").resolve(prefix + "-array.json.result.txt");
        Path linesReport = LOCAL.resolve("done").resolve(prefix + "-lines.json.result.txt");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(arrayReport) && Files.exists(linesReport));
        assertThat(Files.readAllLines(arrayReport)).hasSize(3).element(2).asString().startsWith("2;ACCEPTED;");
        assertThat(Files.readAllLines(linesReport)).element(1).asString().startsWith("1;REJECTED;").contains("kd_status");
        await().atMost(Duration.ofSeconds(30)).until(() -> delivered(prefix).size() == 2);
    }

    @Test
    void anEmptyFileIsDoneWithAnEmptyReportAndATruncatedOneGoesToErrorWithTheReason() throws Exception {
        String prefix = "FE" + UUID.randomUUID().toString().substring(0, 6);
        Files.write(LOCAL.resolve(prefix + "-empty.csv"), new byte[0]);
        Files.writeString(LOCAL.resolve(prefix + "-cut.json"), "[{\"id_izin\": \"" + prefix + "\"}, {\"nib\": ");

        Path empty = LOCAL.resolve("done").resolve(prefix + "-empty.csv.result.txt");
        Path cut = LOCAL.resolve("error").resolve(prefix + "-cut.json.result.txt");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(empty) && Files.exists(cut)
                && Files.exists(LOCAL.resolve("error").resolve(prefix + "-cut.json")));
        assertThat(Files.readAllLines(empty)).containsExactly("line;status;id;detail");
        assertThat(LOCAL.resolve("error").resolve(prefix + "-cut.json")).exists();
        // the complete first record was handled (rejected: it lacks nearly everything), then the reason
        assertThat(Files.readAllLines(cut)).hasSize(3).element(2).asString().startsWith("-;FAILED;");
    }

    private void assertDropWorks(Path folder) throws Exception {
        String prefix = "FD" + UUID.randomUUID().toString().substring(0, 6);
        String name = prefix + ".csv";
        Path partial = folder.resolve(name + ".part");
        Files.write(partial, csv(prefix));
        Files.move(partial, folder.resolve(name)); // appears whole, as an upload that renames at the end

        Path report = folder.resolve("done").resolve(name + ".result.txt");
        // the report is written first, the file is moved when its exchange completes
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Files.exists(report) && Files.exists(folder.resolve("done").resolve(name)));
        assertThat(folder.resolve(name)).doesNotExist();
        List<String> lines = Files.readAllLines(report);
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).startsWith("2;ACCEPTED;");
        assertThat(lines.get(2)).startsWith("3;REJECTED;").contains("kd_status");
        assertThat(lines.get(3)).startsWith("4;ACCEPTED;");

        await().atMost(Duration.ofSeconds(30)).until(() -> delivered(prefix).size() == 2);
        assertThat(delivered(prefix)).extracting(d -> d.path("nama_status").asText()).containsOnly("Café Petugas");
    }

    /** windows-1252, BOM-less Excel style: ';', CRLF, quoted field with the delimiter inside. */
    private static byte[] csv(String prefix) {
        String header = "id_izin;nib;id_produk;id_proyek;oss_id;kd_izin;kd_instansi;kd_status;tgl_status;nip_status;"
                + "nama_status;keterangan\r\n";
        String row = "%s;9120301234567;P-1;R-2026000001;OSS0000000001;I-012345;001;%s;2026-11-02 10:00:00;"
                + "198001012005011001;Café Petugas;\"catatan; dengan titik koma\"\r\n";
        String text = header + row.formatted(prefix + "-1", "10") + row.formatted(prefix + "-2", "77")
                + row.formatted(prefix + "-3", "20");
        return text.getBytes(Charset.forName("windows-1252"));
    }

    private List<JsonNode> delivered(String prefix) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode call : GatewayTestSupport.get(port, "/oss-sim/_calls?method=receiveLicenseStatus")) {
            JsonNode doc = call.path("body").path("IZINSTATUS");
            if (doc.path("id_izin").asText().startsWith(prefix) && call.path("reply").path("status").asInt() == 200) {
                out.add(doc);
            }
        }
        return out;
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("file-drop-it");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
