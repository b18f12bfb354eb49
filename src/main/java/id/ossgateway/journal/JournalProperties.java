package id.ossgateway.journal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How long the journal keeps what is done.
 *
 * @param retentionDays      delivered messages (and duplicates of delivered ones) are deleted with their events
 *                           and attempts this many days after they were delivered; messages still queued,
 *                           dead-lettered or discarded are never deleted by age
 * @param retentionBatchSize messages deleted per transaction, so a first run over millions of rows neither
 *                           holds long locks nor grows one huge transaction
 * @param retentionInterval  how often the clean-up runs
 */
@Validated
@ConfigurationProperties("gateway.journal")
public record JournalProperties(
        @Min(1) int retentionDays,
        @Min(1) @Max(10_000) int retentionBatchSize,
        @NotNull Duration retentionInterval) {
}
