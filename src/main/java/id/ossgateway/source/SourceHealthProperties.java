package id.ossgateway.source;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * When a source counts as down.
 *
 * @param failuresBeforeDown consecutive failed polls (or scans of a refused source file) after which the
 *                           source's health is DOWN; one failed poll of a flaky OPD database is not an outage
 */
@Validated
@ConfigurationProperties("gateway.sources.health")
public record SourceHealthProperties(@DefaultValue("3") @Min(1) int failuresBeforeDown) {
}
