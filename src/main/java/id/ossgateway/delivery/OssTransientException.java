package id.ossgateway.delivery;

import java.time.Duration;

/** OSS failed in a way that may pass (500, 504, 429, 502, 503): the attempt is retried with backoff. */
public class OssTransientException extends DeliveryTransientException {

    public OssTransientException(int httpStatus, Integer kode, String keterangan, Duration retryAfter) {
        super("OSS answered " + httpStatus + (kode == null ? "" : " kode " + kode)
                + (keterangan == null ? "" : ": " + keterangan), httpStatus, kode, keterangan, retryAfter);
    }
}
