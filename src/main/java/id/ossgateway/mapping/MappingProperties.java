package id.ossgateway.mapping;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How records are mapped and validated ({@code gateway.mapping.*}).
 *
 * @param zone             the zone of legacy clocks, for timestamps that carry an offset (default WITA)
 * @param extraStatusCodes status codes accepted besides Lampiran 10 ({@code kd_status}/{@code status_izin}),
 *                         because real agencies use some the guide does not list
 * @param reloadInterval   how often {@code mappings/} is checked for changed files
 */
@Validated
@ConfigurationProperties("gateway.mapping")
public record MappingProperties(
        @NotNull ZoneId zone,
        @NotNull List<String> extraStatusCodes,
        @NotNull Duration reloadInterval) {

    public MappingProperties {
        zone = zone == null ? ZoneId.of("Asia/Makassar") : zone;
        extraStatusCodes = extraStatusCodes == null ? List.of() : List.copyOf(extraStatusCodes);
        reloadInterval = reloadInterval == null ? Duration.ofSeconds(2) : reloadInterval;
    }
}
