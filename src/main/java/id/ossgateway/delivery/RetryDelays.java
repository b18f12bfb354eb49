package id.ossgateway.delivery;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.stereotype.Component;

/** Computes how long to wait before the next attempt: exponential backoff, jitter, and Retry-After. */
@Component
class RetryDelays {

    private final DeliveryProperties.Backoff backoff;

    RetryDelays(DeliveryProperties delivery) {
        this.backoff = delivery.backoff();
    }

    /**
     * The delay after the given number of failed attempts (1 = after the first failure). Jitter spreads
     * the retries of many messages that failed together; a Retry-After asking for longer wins, capped.
     */
    long nextDelayMillis(int failedAttempts, Duration retryAfter) {
        double base = backoff.initial().toMillis() * Math.pow(backoff.multiplier(), Math.max(0, failedAttempts - 1));
        double capped = Math.min(base, backoff.max().toMillis());
        double spread = capped * backoff.jitter();
        long delay = Math.round(capped - spread + ThreadLocalRandom.current().nextDouble() * 2 * spread);
        if (retryAfter != null) {
            delay = Math.max(delay, Math.min(retryAfter.toMillis(), backoff.maxRetryAfter().toMillis()));
        }
        return Math.max(0, delay);
    }

    /** Reads a Retry-After header: delta-seconds or an HTTP date; null when absent or unreadable. */
    static Duration parseRetryAfter(String header, ZonedDateTime now) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.trim();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(now, at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }
}
