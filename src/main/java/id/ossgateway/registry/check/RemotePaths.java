package id.ossgateway.registry.check;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Paths the OPD gives for FTP, SFTP and folder systems, kept from escaping their root: no {@code ..}
 * segments, no NUL or other control characters, no backslashes (which some servers treat as
 * separators); folder paths must also lie inside the configured root once symbolic links are followed.
 */
public final class RemotePaths {

    private RemotePaths() {
    }

    /**
     * A normalised FTP/SFTP path: duplicate slashes and {@code .} segments removed, absolute if it was.
     * Blank means the login folder and comes back as {@code ""}.
     */
    public static String remote(String setting, String path) throws BadSettingsException {
        if (path == null || path.isBlank()) {
            return "";
        }
        refuseEscapes(setting, path);
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty() && !segment.equals(".")) {
                segments.add(segment);
            }
        }
        String joined = String.join("/", segments);
        return path.startsWith("/") ? "/" + joined : joined.isEmpty() ? "" : joined;
    }

    /**
     * The folder {@code path} (absolute, or relative to {@code root}) if it lies inside {@code root}, with
     * links resolved as far as the path exists.
     */
    public static Path folder(Path root, String setting, String path) throws BadSettingsException {
        if (path == null || path.isBlank()) {
            throw new BadSettingsException("Setting '" + setting + "' is required.");
        }
        refuseEscapes(setting, path);
        Path base;
        Path candidate;
        try {
            base = root.toAbsolutePath().normalize();
            candidate = base.resolve(path).normalize();
            if (!candidate.startsWith(base)) {
                throw outside(setting, base);
            }
            Path realBase = Files.exists(base) ? base.toRealPath() : base;
            Path existing = candidate;
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            if (existing != null && !existing.toRealPath().startsWith(realBase)) {
                throw outside(setting, base);
            }
            return Files.exists(candidate) ? candidate.toRealPath() : candidate;
        } catch (InvalidPathException | IOException e) {
            throw new BadSettingsException("Setting '" + setting + "' is not a usable path on the gateway.");
        }
    }

    private static void refuseEscapes(String setting, String path) throws BadSettingsException {
        if (path.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new BadSettingsException("Setting '" + setting + "' contains NUL or other control characters.");
        }
        if (path.contains("\\")) {
            throw new BadSettingsException("Setting '" + setting + "' contains a backslash; use '/' between folders.");
        }
        for (String segment : path.split("/")) {
            if (segment.equals("..")) {
                throw new BadSettingsException("Setting '" + setting + "' contains '..'; give the folder without"
                        + " stepping up.");
            }
        }
    }

    private static BadSettingsException outside(String setting, Path root) {
        return new BadSettingsException("Setting '" + setting + "' must be a folder inside " + root
                + ", the root the gateway may read from.");
    }
}
