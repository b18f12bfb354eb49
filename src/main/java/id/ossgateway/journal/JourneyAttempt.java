package id.ossgateway.journal;

import java.time.Instant;

/**
 * One HTTP attempt towards OSS as a journey shows it (from {@code delivery_attempt}): what OSS replied and how
 * long it took. {@code outcome} is null for an attempt whose fate is not known yet.
 */
public record JourneyAttempt(int attemptNo, Instant startedAt, Instant finishedAt, String outcome,
                             Integer httpStatus, Integer ossKode, String keterangan, Integer latencyMs, String node) {
}
