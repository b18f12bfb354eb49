package id.ossgateway.registry.check;

import java.io.IOException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * A real Apache MINA SSHD with the SFTP subsystem on 127.0.0.1, one user jailed in {@code home}, who may
 * log in with a password or with one public key.
 */
final class SftpTestServer implements AutoCloseable {

    private final SshServer server;

    SftpTestServer(Path home, String user, String password, PublicKey authorizedKey) throws IOException {
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider());
        server.setPasswordAuthenticator((u, p, session) -> user.equals(u) && password.equals(p));
        server.setPublickeyAuthenticator((u, key, session) -> user.equals(u) && KeyUtils.compareKeys(key, authorizedKey));
        server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        server.setFileSystemFactory(new VirtualFileSystemFactory(home));
        server.start();
    }

    int port() {
        return server.getPort();
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }
}
