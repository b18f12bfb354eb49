package id.ossgateway.delivery;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Tuning of the embedded Artemis broker (ignored with an external broker, which has its own broker.xml).
 *
 * @param journalBufferTimeout how long the journal gathers writes before one disk sync. Every commit
 *                             still waits for its sync (nothing is acknowledged before it is on disk);
 *                             a short timeout lowers latency, concurrent commits share a sync
 */
@Validated
@ConfigurationProperties("gateway.broker")
public record BrokerProperties(@NotNull Duration journalBufferTimeout) {
}
