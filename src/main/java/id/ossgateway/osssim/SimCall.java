package id.ossgateway.osssim;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One call the simulator received, as {@code GET /oss-sim/_calls} lists it: its sequence number, when it
 * arrived, the method as given in the URL, the request headers ({@code user_key} masked), the body (the
 * parsed JSON, or the raw text when it is not JSON) and the reply.
 */
record SimCall(
        long seq,
        // ISO-8601 whatever the application's ObjectMapper does with dates: tests compare it as text
        @JsonFormat(shape = JsonFormat.Shape.STRING) Instant at,
        String method,
        Map<String, String> headers,
        JsonNode body,
        SimReply reply) {

    static final String USER_KEY = "user_key";

    /** The headers as logged: every value of a header joined with ", ", the user_key replaced by {@code ***}. */
    static Map<String, String> masked(Map<String, List<String>> headers) {
        Map<String, String> masked = new LinkedHashMap<>();
        headers.forEach((name, values) -> masked.put(name,
                USER_KEY.equalsIgnoreCase(name) ? "***" : String.join(", ", values)));
        return Collections.unmodifiableMap(masked);
    }
}
