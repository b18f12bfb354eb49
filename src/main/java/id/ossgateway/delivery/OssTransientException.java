package id.ossgateway.delivery;

import java.time.Duration;

/** OSS failed in a way that may pass (500, 504, 429, 502, 503): the attempt is retried with backoff. */
public class OssTransientException extends RuntimeException {

    private final int httpStatus;
    private final Integer kode;
    private final Duration retryAfter;

    public OssTransientException(int httpStatus, Integer kode, String keterangan, Duration retryAfter) {
        super("OSS answered " + httpStatus + (kode == null ? "" : " kode " + kode)
                + (keterangan == null ? "" : ": " + keterangan));
        this.httpStatus = httpStatus;
        this.kode = kode;
        this.retryAfter = retryAfter;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public Integer kode() {
        return kode;
    }

    /** How long OSS asked us to wait ({@code Retry-After}), or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
