package id.ossgateway.registry.check;

import java.io.IOException;
import java.net.UnknownHostException;
import java.time.Duration;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPFile;
import org.apache.commons.net.ftp.FTPReply;

/** Tests an FTP system: connect to the approved address, log in, change to the folder, list it. */
final class FtpProbe {

    private final OutboundGuard guard;
    private final int timeoutSeconds;

    FtpProbe(OutboundGuard guard, int timeoutSeconds) {
        this.guard = guard;
        this.timeoutSeconds = timeoutSeconds;
    }

    Verdict test(CheckSettings settings) throws BadSettingsException, RefusedTargetException, UnknownHostException {
        String host = settings.required("host");
        int port = settings.port("port", 21);
        String path = RemotePaths.remote("path", settings.optional("path"));
        String user = settings.required("username");
        boolean passive = settings.bool("passiveMode", true);
        ApprovedTarget target = guard.check(host);
        FTPClient ftp = new FTPClient();
        int millis = timeoutSeconds * 1000;
        ftp.setConnectTimeout(millis);
        ftp.setDefaultTimeout(millis);
        ftp.setDataTimeout(Duration.ofSeconds(timeoutSeconds));
        // a PASV reply names an address of the server's choosing; connect back only to the approved one
        ftp.setPassiveNatWorkaroundStrategy(replied -> target.firstAddress());
        try {
            ftp.connect(target.addresses().get(0), port);
            ftp.setSoTimeout(millis);
            if (!FTPReply.isPositiveCompletion(ftp.getReplyCode())) {
                return Verdict.failed(VerdictCode.HOST_UNREACHABLE, "The FTP server at " + host + " port " + port
                        + " refused the session: " + settings.redact(ftp.getReplyString()));
            }
            if (!ftp.login(user, settings.secret("password"))) {
                return Verdict.failed(VerdictCode.AUTH_FAILED, "The FTP server at " + host + " refused user '" + user
                        + "': check the username and the password. The server said: "
                        + settings.redact(ftp.getReplyString()));
            }
            if (passive) {
                ftp.enterLocalPassiveMode();
            } else {
                ftp.enterLocalActiveMode();
            }
            if (!path.isEmpty() && !ftp.changeWorkingDirectory(path)) {
                return Verdict.failed(VerdictCode.FOLDER_MISSING, "Folder '" + path + "' (setting 'path') does not"
                        + " exist on " + host + " or user '" + user + "' may not enter it. The server said: "
                        + settings.redact(ftp.getReplyString()));
            }
            FTPFile[] files = ftp.listFiles();
            int reply = ftp.getReplyCode();
            if (reply == FTPReply.CANNOT_OPEN_DATA_CONNECTION || reply == FTPReply.TRANSFER_ABORTED) {
                return Verdict.failed(VerdictCode.HOST_UNREACHABLE, "Logged in to " + host + " but the data"
                        + " connection for the listing failed; try passiveMode=" + !passive + " or ask the OPD to"
                        + " open the FTP data ports.");
            }
            if (!FTPReply.isPositiveCompletion(reply)) {
                return Verdict.failed(VerdictCode.NO_READ_PERMISSION, "User '" + user + "' may not list folder '"
                        + shown(path) + "' on " + host + ". The server said: " + settings.redact(ftp.getReplyString()));
            }
            return Verdict.ok("Logged in to FTP " + host + ":" + port + " as '" + user + "'; folder '" + shown(path)
                    + "' can be listed (" + files.length + " entries).");
        } catch (IOException e) {
            return NetworkErrors.verdict(e, "FTP server", host, port, timeoutSeconds)
                    .orElse(Verdict.failed(VerdictCode.HOST_UNREACHABLE, "The FTP conversation with " + host
                            + " port " + port + " broke off: " + settings.redact(e.getMessage())));
        } finally {
            disconnect(ftp);
        }
    }

    private static String shown(String path) {
        return path.isEmpty() ? "(login folder)" : path;
    }

    private static void disconnect(FTPClient ftp) {
        if (ftp.isConnected()) {
            try {
                ftp.logout();
            } catch (IOException e) {
                // the verdict is already decided; a failed goodbye changes nothing
            }
            try {
                ftp.disconnect();
            } catch (IOException e) {
                // as above
            }
        }
    }
}
