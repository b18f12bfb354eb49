package id.ossgateway.delivery;

import id.ossgateway.envelope.Envelope;

/**
 * The far side of a delivery: OSS for the outbound queue, an OPD system for an inbound one. Consuming the
 * queue in batches, the ledger (attempts, idempotency, journal), retries with backoff, the circuit breaker,
 * the dead-letter queue and the replay are the same for every destination ({@link DeliveryRoute}); a
 * destination says only how one document is handed over and how to ask whether it arrived.
 */
public interface Destination {

    /** Who receives, in logs and journal texts: {@code OSS}, or an OPD system's id. */
    String name();

    /** The circuit breaker in front of this destination; also a route policy of its delivery route. */
    DestinationCircuit circuit();

    /**
     * Hands one document over, on the calling thread. Returns the acceptance; throws
     * {@link DeliveryRefusedException} when no retry can help (dead-letter now), or any other exception to be
     * retried with backoff — {@link DeliveryTransientException} when the destination answered, an
     * {@link java.io.IOException} when it could not be reached. A {@link java.net.ConnectException} (or
     * another failure to connect) says the document certainly did not leave.
     */
    Accepted deliver(Envelope envelope) throws Exception;

    /**
     * An earlier attempt has no known outcome (a crash, a timeout): does the destination already have the
     * document? A destination that cannot be asked answers {@link Confirmation#cannotTell}: the document is
     * sent again, which its own idempotency (upsert key, file name, Idempotency-Key) makes harmless.
     */
    Confirmation confirm(Envelope envelope);

    /** An accepted document: the reply's HTTP status and PIA code when there are any, and a permit number. */
    record Accepted(Integer httpStatus, Integer kode, String keterangan, String permitNumber) {
    }

    /** What the destination says about a document whose earlier attempt has no known outcome. */
    record Confirmation(boolean has, String seen) {

        public static Confirmation cannotTell(String destination) {
            return new Confirmation(false, destination + " cannot be asked; its idempotency makes a resend harmless");
        }
    }
}
