package id.ossgateway.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.apache.ftpserver.usermanager.impl.WritePermission;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/** Real FTP and SFTP servers in the test JVM, each with the user {@code opd} jailed in a home folder. */
final class DropServers {

    static final String USER = "opd";
    static final String PASSWORD = "secret-it";

    private DropServers() {
    }

    /** Apache FtpServer on 127.0.0.1 (passive mode works: data connections on the same address). */
    static FtpServer ftp(int port, Path home) throws Exception {
        return ftp(port, home, PASSWORD);
    }

    /** The same with another password for {@link #USER}. */
    static FtpServer ftp(int port, Path home, String password) throws Exception {
        Files.createDirectories(home);
        FtpServerFactory server = new FtpServerFactory();
        ListenerFactory listener = new ListenerFactory();
        listener.setPort(port);
        listener.setServerAddress("127.0.0.1");
        server.addListener("default", listener.createListener());
        BaseUser user = new BaseUser();
        user.setName(USER);
        user.setPassword(password);
        user.setHomeDirectory(home.toString());
        user.setAuthorities(List.of(new WritePermission()));
        server.getUserManager().save(user);
        FtpServer ftp = server.createServer();
        ftp.start();
        return ftp;
    }

    /**
     * Apache MINA SSHD with the SFTP subsystem and no authentication set up yet: the caller chooses password
     * or public key, then calls {@link SshServer#start()}.
     */
    static SshServer sftp(int port, Path home, Path hostKey) throws IOException {
        Files.createDirectories(home);
        SshServer sftp = SshServer.setUpDefaultServer();
        sftp.setHost("127.0.0.1");
        sftp.setPort(port);
        sftp.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(hostKey));
        sftp.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        sftp.setFileSystemFactory(new VirtualFileSystemFactory(home));
        return sftp;
    }
}
