package id.ossgateway.delivery;

import java.time.Instant;

/** One recorded HTTP attempt towards OSS; {@code outcome} is null while (or if) no outcome was recorded. */
public record Attempt(
        String messageId,
        int attemptNo,
        Instant startedAt,
        Instant finishedAt,
        AttemptOutcome outcome,
        Integer httpStatus,
        Integer ossKode,
        String keterangan,
        Integer latencyMs,
        String node) {
}
