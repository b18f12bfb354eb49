package id.ossgateway.registry;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Registry settings.
 *
 * @param folderRoot                 FOLDER systems name a path under this folder, never outside it
 * @param minScheduleMs              the shortest poll period an OPD may ask for, to keep polling polite
 * @param sftpStrictHostKeyChecking  check SFTP host keys against the gateway user's known_hosts (production:
 *                                   true, with the OPD servers' keys added); false accepts any host key
 * @param outboundAllow              hosts (names, {@code *.suffix}) and networks (IP, CIDR) systems may connect
 *                                   to, besides those operators add at {@code /api/v1/outbound-allowlist};
 *                                   loopback, link-local and cloud metadata only when listed explicitly
 */
@Validated
@ConfigurationProperties("gateway.registry")
public record RegistryProperties(@NotNull Path folderRoot, @Min(1000) long minScheduleMs,
                                 boolean sftpStrictHostKeyChecking, List<String> outboundAllow) {

    public RegistryProperties {
        outboundAllow = outboundAllow == null ? List.of()
                : outboundAllow.stream().map(String::strip).filter(e -> !e.isEmpty()).toList();
    }
}
