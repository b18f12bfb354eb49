package id.ossgateway.registry.check;

import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Tests an OPD system the way the gateway will use it: first the guard and the policies (refusing
 * without touching the network), then a real connection with short timeouts. Answers with a
 * {@link Verdict} for OPD IT staff; never throws for anything the settings or the remote side did.
 */
public final class ConnectionTester {

    /** Long enough for a slow government network, short enough for someone waiting on a form. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private final SqlProbe sql;
    private final FtpProbe ftp;
    private final SftpProbe sftp;
    private final FolderProbe folder;
    private final RestPullProbe rest;

    /**
     * @param guard      which hosts may be reached
     * @param folderRoot the folder FOLDER systems must lie in; null when the gateway reads no folders
     */
    public ConnectionTester(OutboundGuard guard, Path folderRoot) {
        this(guard, folderRoot, DEFAULT_TIMEOUT);
    }

    public ConnectionTester(OutboundGuard guard, Path folderRoot, Duration timeout) {
        int seconds = (int) Math.max(1, timeout.toSeconds());
        this.sql = new SqlProbe(guard, seconds);
        this.ftp = new FtpProbe(guard, seconds);
        this.sftp = new SftpProbe(guard, seconds);
        this.folder = new FolderProbe(folderRoot);
        this.rest = new RestPullProbe(guard, seconds);
    }

    /**
     * @param kind     SQL, FTP, SFTP, FOLDER, REST_PULL or REST_PUSH (case-insensitive)
     * @param settings the system's settings by key; see README for the keys per kind
     * @param secrets  the system's secrets by key; never echoed in the verdict
     */
    public Verdict test(String kind, Map<String, String> settings, Map<String, String> secrets) {
        CheckSettings given = new CheckSettings(settings, secrets);
        String normalised = kind == null ? "" : kind.trim().toUpperCase(Locale.ROOT);
        try {
            return switch (normalised) {
                case "SQL" -> sql.test(given);
                case "FTP" -> ftp.test(given);
                case "SFTP" -> sftp.test(given);
                case "FOLDER" -> folder.test(given);
                case "REST_PULL" -> rest.test(given);
                case "REST_PUSH" -> Verdict.ok("REST push systems send to the gateway; there is nothing to connect to.");
                default -> Verdict.failed(VerdictCode.BAD_SETTINGS, "Kind '" + kind + "' is not one of SQL, FTP, SFTP,"
                        + " FOLDER, REST_PULL, REST_PUSH.");
            };
        } catch (BadSettingsException e) {
            return Verdict.failed(VerdictCode.BAD_SETTINGS, e.getMessage());
        } catch (RefusedTargetException e) {
            return Verdict.failed(VerdictCode.REFUSED_TARGET, e.getMessage());
        } catch (UnknownHostException e) {
            return NetworkErrors.unknownHost(e.getMessage());
        }
    }
}
