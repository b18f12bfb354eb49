package id.ossgateway.delivery;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.util.unit.DataSize;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Tuning of the embedded Artemis broker (ignored with an external broker, which has its own broker.xml).
 *
 * @param journalBufferTimeout how long the journal gathers writes before one disk sync. Every commit
 *                             still waits for its sync (nothing is acknowledged before it is on disk);
 *                             a short timeout lowers latency, concurrent commits share a sync
 * @param queueMemory          how much of a delivery queue the broker keeps in memory; beyond it, messages are
 *                             paged to disk (still durable, still in order). A backlog of a million records
 *                             then costs disk, not heap: the gateway runs in a small, fixed heap
 */
@Validated
@ConfigurationProperties("gateway.broker")
public record BrokerProperties(@NotNull Duration journalBufferTimeout, @NotNull DataSize queueMemory) {
}
