package id.ossgateway.registry.check;

import java.nio.file.Path;
import java.util.List;
import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.apache.ftpserver.usermanager.impl.WritePermission;

/** A real Apache FtpServer on 127.0.0.1 and a free port, with one user living in {@code home}. */
final class FtpTestServer implements AutoCloseable {

    private final FtpServer server;
    private final int port;

    FtpTestServer(Path home, String user, String password) throws FtpException {
        FtpServerFactory factory = new FtpServerFactory();
        ListenerFactory listener = new ListenerFactory();
        listener.setPort(0);
        listener.setServerAddress("127.0.0.1");
        factory.addListener("default", listener.createListener());
        BaseUser opd = new BaseUser();
        opd.setName(user);
        opd.setPassword(password);
        opd.setHomeDirectory(home.toString());
        opd.setAuthorities(List.of(new WritePermission()));
        factory.getUserManager().save(opd);
        server = factory.createServer();
        server.start();
        port = factory.getListener("default").getPort();
    }

    int port() {
        return port;
    }

    @Override
    public void close() {
        server.stop();
    }
}
