package id.ossgateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.SshException;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.pubkey.UserAuthPublicKeyFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An SFTP drop with key authentication: Apache MINA SSHD accepts only the public key of a pair generated for
 * this test; the gateway logs in with the private key file ({@code privateKeyFile}, OpenSSH format as
 * ssh-keygen writes it). A password login to the same server is refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class SftpKeyAuthIT {

    private static final Path WORK = tempDir();
    private static final Path HOME = WORK.resolve("sftp");
    private static SshServer sftp;
    private static int sftpPort;
    private static int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        port = GatewayTestSupport.register(registry);
        KeyPair key = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        Path privateKey = WORK.resolve("opd_rsa");
        try (OutputStream out = Files.newOutputStream(privateKey)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(key, "opd@it", null, out);
        }
        sftpPort = GatewayTestSupport.freePort();
        sftp = DropServers.sftp(sftpPort, HOME, WORK.resolve("hostkey.ser"));
        sftp.setUserAuthFactories(List.of(UserAuthPublicKeyFactory.INSTANCE)); // keys only, no password
        sftp.setPublickeyAuthenticator((user, offered, session) -> DropServers.USER.equals(user)
                && KeyUtils.compareKeys(key.getPublic(), offered));
        sftp.start();

        Path routes = Files.createDirectories(WORK.resolve("routes"));
        Files.writeString(routes.resolve("drop.camel.yaml"), """
                - route:
                    id: it-sftp-key-drop
                    from:
                      uri: "kamelet:opd-file-source"
                      parameters:
                        systemId: it-feed
                        uri: "sftp://opd@127.0.0.1:%d/?privateKeyFile=%s&useUserKnownHostsFile=false&strictHostKeyChecking=no"
                        readLockMinAge: 500
                        delay: 300
                      steps:
                        - log: { message: "done", loggingLevel: DEBUG }
                """.formatted(sftpPort, privateKey));
        registry.add("gateway.routes-dir", routes::toString);
        registry.add("camel.component.kamelet.location", () -> "file:" + Paths.get("routes/kamelets").toAbsolutePath());
    }

    @AfterAll
    static void stopServer() throws IOException {
        if (sftp != null) {
            sftp.stop(true);
        }
    }

    @Test
    void aDropIsReadWithKeyAuthentication() throws Exception {
        String prefix = "FK" + UUID.randomUUID().toString().substring(0, 6);
        String name = prefix + ".csv";
        Files.writeString(HOME.resolve(name), "id_izin;nib;id_produk;id_proyek;oss_id;kd_izin;kd_instansi;kd_status;"
                + "tgl_status;nip_status;nama_status;keterangan\n" + prefix + "-1;9120301234567;P-1;R-2026000001;"
                + "OSS0000000001;I-012345;001;10;2026-11-02 10:00:00;198001012005011001;Petugas;kunci\n",
                StandardCharsets.UTF_8);

        Path report = HOME.resolve("done").resolve(name + ".result.txt");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(report)
                && Files.exists(HOME.resolve("done").resolve(name)));
        assertThat(Files.readAllLines(report)).hasSize(2).element(1).asString().startsWith("2;ACCEPTED;");
        await().atMost(Duration.ofSeconds(30)).until(() -> delivered(prefix) == 1);
    }

    @Test
    void aPasswordLoginIsRefused() throws Exception {
        try (SshClient client = SshClient.setUpDefaultClient()) {
            client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
            client.start();
            try (ClientSession session = client.connect(DropServers.USER, "127.0.0.1", sftpPort)
                    .verify(Duration.ofSeconds(10)).getSession()) {
                session.addPasswordIdentity(DropServers.PASSWORD);
                assertThatThrownBy(() -> session.auth().verify(Duration.ofSeconds(10)))
                        .isInstanceOf(SshException.class).hasMessageContaining("No more authentication methods");
            }
        }
    }

    private int delivered(String prefix) {
        int n = 0;
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
            return Files.createTempDirectory("sftp-key-it");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
