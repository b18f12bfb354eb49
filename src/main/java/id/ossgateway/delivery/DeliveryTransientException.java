package id.ossgateway.delivery;

import java.time.Duration;

/** The destination failed in a way that may pass (a 5xx, a 429, a timeout): the attempt is retried with backoff. */
public class DeliveryTransientException extends RuntimeException {

    private final Integer httpStatus;
    private final Integer kode;
    private final String keterangan;
    private final Duration retryAfter;

    public DeliveryTransientException(String message, Integer httpStatus, Integer kode, String keterangan,
                                      Duration retryAfter) {
        super(message);
        this.httpStatus = httpStatus;
        this.kode = kode;
        this.keterangan = keterangan;
        this.retryAfter = retryAfter;
    }

    public Integer httpStatus() {
        return httpStatus;
    }

    public Integer kode() {
        return kode;
    }

    /** The destination's own words, if it said any. */
    public String keterangan() {
        return keterangan;
    }

    /** How long the destination asked us to wait ({@code Retry-After}), or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
