package id.ossgateway.source.push;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * REST push from OPD systems ({@code gateway.push.*}): which systems may POST to
 * {@code /api/v1/inbound/{systemId}} and with which key. Only the SHA-256 of each key is configured, so the
 * configuration holds no secret: {@code printf %s "$KEY" | sha256sum}.
 *
 * @param systems     per system id, its key hash
 * @param maxBodyBytes largest accepted request body (default 5 MB)
 * @param maxRecords  most records in one request (default 1000)
 */
@Validated
@ConfigurationProperties("gateway.push")
public record PushProperties(
        @NotNull Map<String, @Valid PushSystem> systems,
        @Min(1) long maxBodyBytes,
        @Min(1) int maxRecords) {

    public PushProperties {
        systems = systems == null ? Map.of() : Map.copyOf(systems);
        maxBodyBytes = maxBodyBytes == 0 ? 5 * 1024 * 1024 : maxBodyBytes;
        maxRecords = maxRecords == 0 ? 1000 : maxRecords;
    }

    /** @param apiKeySha256 hex SHA-256 of the system's API key (header {@code X-Api-Key}) */
    public record PushSystem(@NotNull @Pattern(regexp = "[0-9a-f]{64}") String apiKeySha256) {
    }
}
