package id.ossgateway.observability;

import id.ossgateway.privacy.PersonalData;

import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

/**
 * Applies {@link PersonalData#mask} to every text field of a structured (JSON) log line: the message, the
 * exception message and stack trace, MDC values. Configured as {@code logging.structured.json.customizer}, so
 * it covers every logger in the process, not only the gateway's own.
 */
public class MaskedLogFields implements StructuredLoggingJsonMembersCustomizer<Object> {

    @Override
    public void customize(JsonWriter.Members<Object> members) {
        members.applyingValueProcessor(JsonWriter.ValueProcessor.of(String.class, PersonalData::redact));
    }
}
