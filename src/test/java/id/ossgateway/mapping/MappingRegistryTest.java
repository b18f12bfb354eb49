package id.ossgateway.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import id.ossgateway.GatewayProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hot reload: an edited mapping takes effect; a broken edit is refused and the previous version runs on. */
class MappingRegistryTest {

    @TempDir
    Path dir;

    private MappingRegistry registry() {
        return new MappingRegistry(new GatewayProperties(dir, dir, dir, "test"),
                new MappingProperties(null, List.of(), null));
    }

    private void write(String text, int secondsLater) throws IOException {
        Path file = dir.resolve("demo-perizinan.yaml");
        Files.writeString(file, text);
        // a distinct modification time, however fast the test writes
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(secondsLater)));
    }

    private static String demo() throws IOException {
        return Files.readString(Paths.get("mappings/demo-perizinan.yaml"));
    }

    @Test
    void anEditTakesEffectAndABrokenEditKeepsThePreviousVersion() throws IOException {
        write(demo(), 0);
        MappingRegistry registry = registry();
        Mapping first = registry.forSystem("demo-perizinan").orElseThrow();
        assertThat(first.lookups().get("status")).containsEntry("BERKAS LENGKAP", "10");

        write(demo().replace("BERKAS LENGKAP: \"10\"", "BERKAS LENGKAP: \"11\""), 10);
        registry.reload();
        Mapping second = registry.forSystem("demo-perizinan").orElseThrow();
        assertThat(second.version()).isNotEqualTo(first.version());
        assertThat(second.lookups().get("status")).containsEntry("BERKAS LENGKAP", "11");
        assertThat(registry.problems()).isEmpty();

        write(demo().replace("    kd_izin: kd_izin\n", "    kd_izinn: kd_izin\n"), 20);
        registry.reload();
        assertThat(registry.forSystem("demo-perizinan").orElseThrow().version()).isEqualTo(second.version());
        assertThat(registry.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("kd_izinn");
            assertThat(p.file().getFileName().toString()).isEqualTo("demo-perizinan.yaml");
            assertThat(p.line()).isPositive();
        });

        MappingResult result = registry.mapper().apply(registry.forSystem("demo-perizinan").orElseThrow(), Map.of(
                "status", "BERKAS LENGKAP"));
        assertThat(result.mappingVersion()).isEqualTo(second.version());
    }

    @Test
    void aDeletedMappingIsForgotten() throws IOException {
        write(demo(), 0);
        MappingRegistry registry = registry();
        Files.delete(dir.resolve("demo-perizinan.yaml"));
        registry.reload();
        assertThat(registry.forSystem("demo-perizinan")).isEmpty();
    }
}
