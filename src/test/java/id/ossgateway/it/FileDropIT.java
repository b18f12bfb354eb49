package id.ossgateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.ftpserver.FtpServer;
import org.apache.sshd.server.SshServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * File drops through the {@code opd-file-source} kamelet: a local folder, a real FTP server (Apache
 * FtpServer, passive mode) and a real SFTP server (Apache MINA SSHD, password auth) in this JVM. A windows-1252
 * CSV with CRLF and ';' whose good lines are delivered while a bad one is rejected; the file moves to done/
 * with a result report next to it. Also JSON, XML, empty and broken files, once-only by name, size and
 * SHA-256, and the done-marker.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class FileDropIT {

    private static final Path WORK = tempDir();
    private static final Path LOCAL = WORK.resolve("local");
    private static final Path MARKED = WORK.resolve("marked");
    private static final Path FTP_HOME = WORK.resolve("ftp");
    private static final Path SFTP_HOME = WORK.resolve("sftp");
    private static final String DROP_HEADER = "line;status;id;detail";
    private static FtpServer ftp;
    private static SshServer sftp;
    private static int port;

    @Autowired
    private JdbcTemplate jdbc;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        port = GatewayTestSupport.register(registry);
        int ftpPort = GatewayTestSupport.freePort();
        ftp = DropServers.ftp(ftpPort, FTP_HOME);
        int sftpPort = GatewayTestSupport.freePort();
        startSftp(sftpPort);
        Path routes = Files.createDirectories(WORK.resolve("routes"));
        Files.createDirectories(LOCAL);
        Files.createDirectories(MARKED);
        // FTP with a local work directory (the remote file is downloaded to disk, then read twice from there);
        // SFTP without (Camel holds the download in memory, the gateway copies it once to a temporary file)
        Files.writeString(routes.resolve("drops.camel.yaml"), route("it-local-drop", "file:" + LOCAL, "")
                + route("it-ftp-drop", "ftp://opd@127.0.0.1:" + ftpPort + "/?password=RAW(secret-it)&passiveMode=true"
                        + "&localWorkDirectory=" + WORK.resolve("ftp-work"), "")
                + route("it-sftp-drop", "sftp://opd@127.0.0.1:" + sftpPort + "/?password=RAW(secret-it)"
                        + "&useUserKnownHostsFile=false&strictHostKeyChecking=no", "")
                + route("it-marked-drop", "file:" + MARKED, "doneMarker: \"${file:name}.done\""));
        registry.add("gateway.routes-dir", routes::toString);
        registry.add("camel.component.kamelet.location", () -> "file:" + Paths.get("routes/kamelets").toAbsolutePath());
    }

    private static String route(String id, String uri, String extra) {
        return """
                - route:
                    id: %s
                    from:
                      uri: "kamelet:opd-file-source"
                      parameters:
                        systemId: it-feed
                        uri: "%s"
                        encoding: windows-1252
                        recordElement: permohonan
                        readLockMinAge: 500
                        delay: 300
                        %s
                      steps:
                        - log: { message: "done", loggingLevel: DEBUG }
                """.formatted(id, uri, extra);
    }

    /** Apache MINA SSHD with password auth (key auth: {@link SftpKeyAuthIT}). */
    private static void startSftp(int sftpPort) throws Exception {
        sftp = DropServers.sftp(sftpPort, SFTP_HOME, WORK.resolve("hostkey.ser"));
        sftp.setPasswordAuthenticator((user, password, session) -> DropServers.USER.equals(user)
                && DropServers.PASSWORD.equals(password));
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

    @Test
    void xmlRecordsAreReadInTheDeclaredEncodingAndADoctypeIsRefused() throws Exception {
        String prefix = "FX" + UUID.randomUUID().toString().substring(0, 6);
        // UTF-8 as declared, while the route says windows-1252: read as the file says
        Files.writeString(LOCAL.resolve(prefix + ".xml"), DropFiles.xml(prefix), StandardCharsets.UTF_8);
        Files.writeString(LOCAL.resolve(prefix + "-xxe.xml"), "<?xml version=\"1.0\"?><!DOCTYPE k [<!ENTITY x SYSTEM"
                + " \"file:///etc/hostname\">]><k><permohonan><id_izin>&x;</id_izin></permohonan></k>");

        Path report = LOCAL.resolve("done").resolve(prefix + ".xml.result.txt");
        Path refused = LOCAL.resolve("error").resolve(prefix + "-xxe.xml.result.txt");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(report) && Files.exists(refused));
        List<String> lines = Files.readAllLines(report);
        assertThat(lines).hasSize(3);
        // the file's line numbers: the records start on lines 3 and 9
        assertThat(lines.get(1)).startsWith("3;ACCEPTED;");
        assertThat(lines.get(2)).startsWith("9;REJECTED;").contains("kd_status");
        assertThat(Files.readAllLines(refused)).containsExactly(DROP_HEADER,
                "-;FAILED;;refused: the file has a DOCTYPE, DTDs and entities are not allowed in XML drops");
        await().atMost(Duration.ofSeconds(30)).until(() -> delivered(prefix).size() == 1);
        assertThat(delivered(prefix).get(0).path("nama_status").asText()).isEqualTo("Café Petugas");
        assertThat(delivered(prefix).get(0).path("id_izin").asText()).isEqualTo(prefix + "-1");
    }

    @Test
    void theSameFileDroppedAgainIsADuplicateButTheSameNameWithOtherContentIsRead() throws Exception {
        String prefix = "FO" + UUID.randomUUID().toString().substring(0, 6);
        String name = "export-" + prefix + ".csv"; // OPDs reuse names like export.csv
        Path report = LOCAL.resolve("done").resolve(name + ".result.txt");

        Files.write(LOCAL.resolve(name), DropFiles.csv(prefix));
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(report) && Files.readAllLines(report).size() == 4
                && Files.notExists(LOCAL.resolve(name)));
        Files.delete(report);

        Files.write(LOCAL.resolve(name), DropFiles.csv(prefix));
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(report) && Files.notExists(LOCAL.resolve(name)));
        List<String> duplicate = Files.readAllLines(report);
        assertThat(duplicate).hasSize(2);
        assertThat(duplicate.get(1)).startsWith("-;DUPLICATE;;same name, size and SHA-256 as " + name + " processed at ")
                .endsWith(", not processed again");
        Files.delete(report);

        Files.write(LOCAL.resolve(name), DropFiles.csv(prefix + "b"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(report) && Files.notExists(LOCAL.resolve(name)));
        assertThat(Files.readAllLines(report)).hasSize(4).element(1).asString().startsWith("2;ACCEPTED;");
        // remembered in the state database that all nodes share, one row per distinct content
        assertThat(jdbc.queryForObject("select count(*) from processed_file where system_id = 'it-feed'"
                + " and file_name = ?", Integer.class, name)).isEqualTo(2);
        await().atMost(Duration.ofSeconds(30)).until(() -> delivered(prefix + "b").size() == 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> delivered(prefix).size() == 4); // the first two and these
    }

    /**
     * Regression: a line repeating an earlier one was reported ACCEPTED though it was never sent. Steps: drop a
     * CSV whose line 3 repeats line 2; the report says DUPLIKAT with line 2's message id, OSS gets it once.
     */
    @Test
    void aRepeatedLineIsReportedDuplikatWithTheMessageItDuplicates() throws Exception {
        String prefix = "FU" + UUID.randomUUID().toString().substring(0, 6);
        String csv = new String(DropFiles.csv(prefix), java.nio.charset.Charset.forName("windows-1252"));
        String[] lines = csv.split("\r\n");
        Files.write(LOCAL.resolve(prefix + ".csv"), (lines[0] + "\r\n" + lines[1] + "\r\n" + lines[1] + "\r\n")
                .getBytes(java.nio.charset.Charset.forName("windows-1252")));

        Path report = LOCAL.resolve("done").resolve(prefix + ".csv.result.txt");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(report));
        List<String> result = Files.readAllLines(report);
        String messageId = result.get(1).split(";")[2];
        assertThat(result.get(1)).startsWith("2;ACCEPTED;");
        assertThat(result.get(2)).startsWith("3;DUPLIKAT;" + messageId + ";").contains(messageId);
        await().atMost(Duration.ofSeconds(30)).until(() -> delivered(prefix).size() == 1);
    }

    /** Regression: folder and FTP sources showed "no poll yet" and had no entry in /actuator/health. */
    @Test
    void everyFolderScanIsReportedInHealthLikeASqlPoll() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode sources = GatewayTestSupport.get(port, "/actuator/health").path("components").path("sources")
                    .path("components");
            for (String source : List.of("it-feed:it-local-drop", "it-feed:it-ftp-drop", "it-feed:it-sftp-drop")) {
                assertThat(sources.path(source).path("status").asText()).as(source).isEqualTo("UP");
                assertThat(sources.path(source).path("details").path("lastPoll").asText()).as(source).isNotEmpty();
            }
        });
    }

    @Test
    void withADoneMarkerAFileWaitsForItsMarker() throws Exception {
        String prefix = "FM" + UUID.randomUUID().toString().substring(0, 6);
        Files.write(MARKED.resolve(prefix + "-a.csv"), DropFiles.csv(prefix + "a"));
        Files.write(MARKED.resolve(prefix + "-b.csv"), DropFiles.csv(prefix + "b"));
        Files.createFile(MARKED.resolve(prefix + "-b.csv.done"));

        // b is read: the folder was scanned after both files were there, and a was left alone
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(MARKED.resolve("done/" + prefix + "-b.csv")));
        assertThat(MARKED.resolve(prefix + "-a.csv")).exists();
        assertThat(MARKED.resolve("done/" + prefix + "-a.csv.result.txt")).doesNotExist();
        assertThat(MARKED.resolve(prefix + "-b.csv.done")).doesNotExist(); // the marker goes with its file

        Files.createFile(MARKED.resolve(prefix + "-a.csv.done"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(MARKED.resolve("done/" + prefix + "-a.csv"))
                && Files.exists(MARKED.resolve("done/" + prefix + "-a.csv.result.txt")));
        assertThat(Files.readAllLines(MARKED.resolve("done/" + prefix + "-a.csv.result.txt"))).hasSize(4);
    }

    private void assertDropWorks(Path folder) throws Exception {
        String prefix = "FD" + UUID.randomUUID().toString().substring(0, 6);
        String name = prefix + ".csv";
        Path partial = folder.resolve(name + ".part");
        Files.write(partial, DropFiles.csv(prefix));
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

    private List<JsonNode> delivered(String prefix) {
        return DropFiles.delivered(port, prefix);
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("file-drop-it");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
