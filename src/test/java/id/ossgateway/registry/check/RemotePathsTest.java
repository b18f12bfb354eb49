package id.ossgateway.registry.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RemotePathsTest {

    @TempDir
    Path root;

    @ParameterizedTest
    @CsvSource(value = {"/izin/masuk/,/izin/masuk", "izin//./masuk,izin/masuk", "/,/", "./,''", "'',''"},
            emptyValue = "")
    void normalisesRemotePaths(String given, String expected) throws Exception {
        assertThat(RemotePaths.remote("path", given)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../etc", "/izin/../../etc", "izin/..", "izin\\..\\x", "izin\u0000.txt", "izin\n"})
    void refusesEscapesFromTheRoot(String path) {
        assertThatThrownBy(() -> RemotePaths.remote("path", path)).isInstanceOf(BadSettingsException.class)
                .hasMessageStartingWith("Setting 'path'");
    }

    @Test
    void folderRelativeOrAbsoluteInsideTheRoot() throws Exception {
        Path izin = Files.createDirectories(root.resolve("dinkes/izin"));

        assertThat(RemotePaths.folder(root, "path", "dinkes/izin")).isEqualTo(izin.toRealPath());
        assertThat(RemotePaths.folder(root, "path", izin.toString())).isEqualTo(izin.toRealPath());
        assertThat(RemotePaths.folder(root, "path", "dinkes/belum-ada")).isEqualTo(root.resolve("dinkes/belum-ada"));
    }

    @Test
    void folderOutsideTheRootIsRefused() {
        assertThatThrownBy(() -> RemotePaths.folder(root, "path", "/etc"))
                .isInstanceOf(BadSettingsException.class)
                .hasMessage("Setting 'path' must be a folder inside " + root + ", the root the gateway may read from.");
        assertThatThrownBy(() -> RemotePaths.folder(root, "path", "../x")).hasMessageContaining("'..'");
        assertThatThrownBy(() -> RemotePaths.folder(root, "path", " ")).hasMessage("Setting 'path' is required.");
    }

    @Test
    void symbolicLinkOutOfTheRootIsRefused() throws Exception {
        Path outside = Files.createTempDirectory("outside");
        Files.createSymbolicLink(root.resolve("link"), outside);

        assertThatThrownBy(() -> RemotePaths.folder(root, "path", "link")).isInstanceOf(BadSettingsException.class)
                .hasMessageContaining("must be a folder inside");
        assertThatThrownBy(() -> RemotePaths.folder(root, "path", "link/not-yet")).isInstanceOf(BadSettingsException.class);
        Files.delete(outside);
    }
}
