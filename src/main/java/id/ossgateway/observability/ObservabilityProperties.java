package id.ossgateway.observability;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How queue depths are measured.
 *
 * @param queueDepthMaxAge how long a measured queue depth is reused between scrapes
 * @param browseLimit      with an external broker the depth is counted by browsing the queue; counting stops
 *                         here, so a huge backlog costs a bounded amount of work per scrape
 */
@Validated
@ConfigurationProperties("gateway.observability")
public record ObservabilityProperties(
        @DefaultValue("10s") @NotNull Duration queueDepthMaxAge,
        @DefaultValue("100000") @Min(1) int browseLimit) {
}
