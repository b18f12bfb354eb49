package id.ossgateway.registry.check;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Tests a FOLDER system: the folder lies inside the configured root, exists, and can be listed. */
final class FolderProbe {

    private final Path root;

    /** @param root the folder under which OPD folders must lie; null when FOLDER systems are not set up */
    FolderProbe(Path root) {
        this.root = root;
    }

    Verdict test(CheckSettings settings) throws BadSettingsException {
        if (root == null) {
            throw new BadSettingsException("Folder systems are not set up on this gateway (no root folder is"
                    + " configured); ask the operator.");
        }
        String given = settings.required("path");
        Path folder = RemotePaths.folder(root, "path", given);
        if (!Files.exists(folder)) {
            return Verdict.failed(VerdictCode.FOLDER_MISSING, "Folder '" + given + "' (setting 'path') does not"
                    + " exist on the gateway under " + root + ".");
        }
        if (!Files.isDirectory(folder)) {
            return Verdict.failed(VerdictCode.FOLDER_MISSING, "'" + given + "' (setting 'path') is a file, not a folder.");
        }
        // isReadable alone says nothing about the execute bit a listing also needs, so list it
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            entries.iterator().hasNext();
        } catch (IOException e) {
            return noRead(given);
        }
        return Verdict.ok("Folder '" + given + "' exists on the gateway and can be listed.");
    }

    private static Verdict noRead(String given) {
        return Verdict.failed(VerdictCode.NO_READ_PERMISSION, "The gateway may not list folder '" + given
                + "' (setting 'path'); give its user read and execute permission.");
    }
}
