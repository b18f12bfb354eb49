package id.ossgateway.delivery;

/**
 * The destination's circuit breaker is open: nothing was sent. The message goes back to the queue untouched
 * and consumption pauses until the destination answers a probe again.
 */
public class DestinationUnavailableException extends RuntimeException {

    public DestinationUnavailableException(String destination) {
        super(destination + " is unavailable (circuit open): the message waits in the queue");
    }
}
