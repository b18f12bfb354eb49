package id.ossgateway.routefiles;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** @param reloadInterval how often {@code gateway.routes-dir} is checked for changed route files */
@Validated
@ConfigurationProperties("gateway.route-files")
public record RouteFilesProperties(@NotNull Duration reloadInterval) {
}
