package id.ossgateway.delivery;

/**
 * The circuit breaker is open: nothing was sent. The message goes back to the queue untouched and
 * consumption pauses until OSS answers a probe again.
 */
public class OssUnavailableException extends RuntimeException {

    public OssUnavailableException() {
        super("OSS is unavailable (circuit open): the message waits in the queue");
    }
}
