package id.ossgateway.osssim;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;
import java.time.Duration;
import org.springframework.boot.convert.DurationStyle;

/**
 * Durations in {@code /oss-sim/_faults} written the way they are in configuration ({@code "200ms"},
 * {@code "30s"}), so the same value can be copied between a properties file and a PUT body. Jackson's
 * own format (seconds as a decimal number) would not round-trip with {@code application.yml}.
 */
final class DurationJson {

    private DurationJson() {
    }

    static String format(Duration duration) {
        return duration.toNanos() % 1_000_000_000L == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
    }

    /** Writes {@code "2s"} or {@code "200ms"}. */
    static final class Writer extends JsonSerializer<Duration> {
        @Override
        public void serialize(Duration value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeString(format(value));
        }
    }

    /** Reads {@code "200ms"}, {@code "2s"}, {@code "PT2S"}, or a bare number of seconds. */
    static final class Reader extends JsonDeserializer<Duration> {
        @Override
        public Duration deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_NUMBER_INT || p.currentToken() == JsonToken.VALUE_NUMBER_FLOAT) {
                return Duration.ofMillis(Math.round(p.getDoubleValue() * 1000));
            }
            String text = p.getValueAsString();
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                return DurationStyle.detectAndParse(text.trim());
            } catch (IllegalArgumentException e) {
                return (Duration) ctxt.handleWeirdStringValue(Duration.class, text,
                        "not a duration (examples: \"200ms\", \"30s\", \"PT2S\")");
            }
        }
    }
}
