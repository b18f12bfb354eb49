package id.ossgateway.source.template;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Sources defined in files.
 *
 * @param dir            one YAML file per source ({@code config/sources}); {@code GATEWAY_SOURCES_DIR}
 * @param reloadInterval how often the folder is checked for added, changed and removed files
 */
@Validated
@ConfigurationProperties("gateway.sources")
public record SourcesProperties(@NotNull Path dir, @NotNull Duration reloadInterval) {
}
