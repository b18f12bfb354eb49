package id.ossgateway.delivery;

import id.ossgateway.envelope.Envelope;
import org.apache.camel.Message;

/**
 * The far side of a delivery route: OSS for the outbound queue, an OPD system for an inbound one. The route,
 * the ledger (attempts, idempotency, journal), retries with backoff, the circuit breaker, the dead-letter
 * queue and the replay are the same for every destination ({@link DeliveryRoute}); a destination says only
 * where a document goes and how to read the answer.
 */
public interface Destination {

    /** Who receives, in logs and journal texts: {@code OSS}, or an OPD system's id. */
    String name();

    /**
     * The Camel endpoint an attempt is sent to, resolved per exchange ({@code toD}): an HTTP URL, or a
     * {@code direct:} route of a destination template.
     */
    String endpointUri();

    /** The circuit breaker in front of this destination; also a route policy of its delivery route. */
    DestinationCircuit circuit();

    /** Sets the request: body and headers (the exchange's headers were all removed before). */
    void prepare(Message request, Envelope envelope);

    /**
     * Reads what the endpoint returned. Returns the acceptance; throws {@link DeliveryRefusedException} when
     * no retry can help, or {@link DeliveryTransientException} (or any other exception) to retry.
     */
    Accepted read(Message reply, Envelope envelope);

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
