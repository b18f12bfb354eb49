package id.ossgateway.envelope;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The envelope's wire form: JSON, the body of the JMS message and of a dead letter. */
public final class EnvelopeCodec {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private EnvelopeCodec() {
    }

    public static String write(Envelope envelope) {
        try {
            return JSON.writeValueAsString(envelope);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document alone (the PIA request body, wrapper included), as UTF-8 JSON. */
    public static byte[] documentBytes(Envelope envelope) {
        try {
            return JSON.writeValueAsBytes(envelope.document());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads an envelope; a body that is not one fails with {@link MalformedEnvelopeException}. */
    public static Envelope read(String json) {
        try {
            return JSON.readValue(json, Envelope.class);
        } catch (IOException | RuntimeException e) {
            throw new MalformedEnvelopeException("not a gateway envelope: " + e.getMessage(), e);
        }
    }

    /** Thrown for a message body that is not an envelope; such a message is dead-lettered, never retried. */
    public static final class MalformedEnvelopeException extends RuntimeException {
        public MalformedEnvelopeException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
