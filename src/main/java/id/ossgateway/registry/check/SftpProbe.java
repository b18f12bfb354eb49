package id.ossgateway.registry.check;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.SftpException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Tests an SFTP system with JSch (the library camel-ftp uses): log in with the password and/or private
 * key, change to the folder, list it. The host key is not known before approval, so it is not verified
 * here; its fingerprint is reported so the operator can compare it with what the OPD says.
 */
final class SftpProbe {

    private final OutboundGuard guard;
    private final int timeoutSeconds;

    SftpProbe(OutboundGuard guard, int timeoutSeconds) {
        this.guard = guard;
        this.timeoutSeconds = timeoutSeconds;
    }

    Verdict test(CheckSettings settings) throws BadSettingsException, RefusedTargetException, UnknownHostException {
        String host = settings.required("host");
        int port = settings.port("port", 22);
        String path = RemotePaths.remote("path", settings.optional("path"));
        String user = settings.required("username");
        String password = settings.secret("password");
        String privateKey = settings.secret("privateKey");
        if (password.isEmpty() && privateKey.isBlank()) {
            throw new BadSettingsException("SFTP needs the secret 'password' or 'privateKey' (or both).");
        }
        ApprovedTarget target = guard.check(host);
        JSch jsch = new JSch();
        List<String> methods = new ArrayList<>();
        if (!privateKey.isBlank()) {
            try {
                jsch.addIdentity("opd-" + user, privateKey.getBytes(StandardCharsets.UTF_8), null, null);
            } catch (JSchException e) {
                throw new BadSettingsException("Secret 'privateKey' could not be read as an unencrypted OpenSSH or"
                        + " PEM private key.");
            }
            methods.add("publickey");
        }
        if (!password.isEmpty()) {
            methods.add("password");
        }
        Session session = null;
        try {
            session = jsch.getSession(user, target.firstAddress(), port);
            if (!password.isEmpty()) {
                session.setPassword(password);
            }
            session.setConfig("StrictHostKeyChecking", "no");
            session.setConfig("PreferredAuthentications", String.join(",", methods));
            session.setTimeout(timeoutSeconds * 1000);
            session.connect(timeoutSeconds * 1000);
            String fingerprint = session.getHostKey().getFingerPrint(jsch);
            ChannelSftp sftp = (ChannelSftp) session.openChannel("sftp");
            sftp.connect(timeoutSeconds * 1000);
            Verdict folder = listFolder(sftp, path, host, user, settings);
            return folder != null ? folder : Verdict.ok("Logged in to SFTP " + host + ":" + port + " as '" + user
                    + "' (host key " + fingerprint + "); folder '" + shown(path) + "' can be listed.");
        } catch (JSchException e) {
            return failed(e, host, port, user, settings);
        } finally {
            if (session != null) {
                session.disconnect();
            }
        }
    }

    /** Null when the folder can be listed, else the verdict saying why not. */
    private static Verdict listFolder(ChannelSftp sftp, String path, String host, String user, CheckSettings settings) {
        String step = "enter";
        try {
            if (!path.isEmpty()) {
                sftp.cd(path);
            }
            step = "list";
            sftp.ls(".");
            return null;
        } catch (SftpException e) {
            if (e.id == ChannelSftp.SSH_FX_PERMISSION_DENIED) {
                return Verdict.failed(VerdictCode.NO_READ_PERMISSION, "User '" + user + "' may not " + step
                        + " folder '" + shown(path) + "' on " + host + ".");
            }
            return Verdict.failed(VerdictCode.FOLDER_MISSING, "Folder '" + shown(path) + "' (setting 'path') does"
                    + " not exist on " + host + " or is not a folder. The server said: " + settings.redact(e.getMessage()));
        }
    }

    private Verdict failed(JSchException e, String host, int port, String user, CheckSettings settings) {
        String message = String.valueOf(e.getMessage());
        // JSch's auth exception classes are package-private; its messages are the stable part
        if (message.startsWith("Auth fail") || message.startsWith("Auth cancel")) {
            return Verdict.failed(VerdictCode.AUTH_FAILED, "The SFTP server at " + host + " refused user '" + user
                    + "': check the username, the password or that the public key is in the user's authorized_keys.");
        }
        if (message.contains("timeout")) {
            return NetworkErrors.timeout("SFTP server", host, port, timeoutSeconds);
        }
        return NetworkErrors.verdict(e, "SFTP server", host, port, timeoutSeconds)
                .orElse(Verdict.failed(VerdictCode.HOST_UNREACHABLE, "The SSH conversation with " + host + " port "
                        + port + " failed: " + settings.redact(message)));
    }

    private static String shown(String path) {
        return path.isEmpty() ? "(login folder)" : path;
    }
}
