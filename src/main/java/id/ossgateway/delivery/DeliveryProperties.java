package id.ossgateway.delivery;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How the gateway delivers to OSS.
 *
 * @param queue           the outbound queue; messages are grouped by {@code id_izin}
 * @param deadLetterQueue where messages go that OSS refused or that failed too often
 * @param consumers       consumer threads of the queue, each with its own transacted session taking batches
 * @param batchSize       most messages per batch, i.e. per broker transaction
 * @param concurrency     documents delivered in parallel (delivery worker threads); one permit's documents still
 *                        go one at a time, in order
 * @param ledgerLinger    how long the state-database writer waits for more delivery steps to commit together
 *                        while fewer are waiting than there are workers (0: commit what is there at once)
 * @param maxAttempts     transient failures (5xx, 429, timeouts) before a message is dead-lettered; attempts
 *                        are counted in the state database, so a restart does not reset them
 * @param backoff         the delay between attempts
 * @param circuit         when to stop consuming because OSS keeps failing
 */
@Validated
@ConfigurationProperties("gateway.delivery")
public record DeliveryProperties(
        @NotBlank String queue,
        @NotBlank String deadLetterQueue,
        @Min(1) int consumers,
        @Min(1) @Max(1000) int batchSize,
        @Min(1) int concurrency,
        @NotNull Duration ledgerLinger,
        @Min(1) int maxAttempts,
        @Valid @NotNull Backoff backoff,
        @Valid @NotNull Circuit circuit) {

    /**
     * Exponential backoff with jitter: attempt n waits {@code initial * multiplier^(n-1)}, at most
     * {@code max}, spread by ±{@code jitter}; a {@code Retry-After} from OSS wins when it asks for longer,
     * up to {@code maxRetryAfter}.
     */
    public record Backoff(
            @NotNull Duration initial,
            @DecimalMin("1.0") double multiplier,
            @NotNull Duration max,
            @DecimalMin("0.0") @DecimalMax("1.0") double jitter,
            @NotNull Duration maxRetryAfter) {
    }

    /**
     * The circuit breaker: it opens when, of the last {@code window} attempts (at least {@code minimumCalls}),
     * {@code failureRatePercent} failed transiently. While open, consumption stops (messages wait in the
     * queue, not in the dead-letter queue) and OSS is probed every {@code probeInterval}; after a
     * successful probe, {@code halfOpenCalls} real deliveries decide whether it closes.
     */
    public record Circuit(
            @Min(1) int window,
            @Min(1) int minimumCalls,
            @Min(1) int failureRatePercent,
            @NotNull Duration probeInterval,
            @Min(1) int halfOpenCalls) {
    }
}
