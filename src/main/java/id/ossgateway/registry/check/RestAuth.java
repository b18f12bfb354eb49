package id.ossgateway.registry.check;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The header a REST_PULL system's {@code authKind} asks for, built from settings and the secret. */
record RestAuth(String header, String value) {

    private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9-]{1,64}");
    // headers the JDK client sets itself or refuses; an API key cannot travel in them
    private static final Set<String> RESERVED = Set.of("host", "connection", "content-length", "expect", "upgrade");

    static final RestAuth NONE = new RestAuth(null, null);

    static RestAuth of(CheckSettings settings) throws BadSettingsException {
        String kind = settings.optional("authKind");
        String secret = settings.secret("secret");
        switch (kind.isEmpty() ? "none" : kind) {
            case "none":
                return NONE;
            case "apiKey": {
                String header = settings.required("authHeader");
                if (!HEADER_NAME.matcher(header).matches() || RESERVED.contains(header.toLowerCase(Locale.ROOT))) {
                    throw new BadSettingsException("Setting 'authHeader' must be an HTTP header name such as X-Api-Key.");
                }
                return new RestAuth(header, required(secret, kind));
            }
            case "basic": {
                String user = settings.required("username");
                if (user.contains(":")) {
                    throw new BadSettingsException("Setting 'username' must not contain ':' for basic authentication.");
                }
                String pair = user + ":" + required(secret, kind);
                return new RestAuth("Authorization",
                        "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
            }
            case "bearer":
                return new RestAuth("Authorization", "Bearer " + required(secret, kind));
            default:
                throw new BadSettingsException("Setting 'authKind' must be one of none, apiKey, basic, bearer.");
        }
    }

    Map<String, String> headers() {
        return header == null ? Map.of() : Map.of(header, value);
    }

    /** Never prints the value: it carries the secret. */
    @Override
    public String toString() {
        return header == null ? "RestAuth[none]" : "RestAuth[" + header + ": ****]";
    }

    private static String required(String secret, String kind) throws BadSettingsException {
        if (secret.isEmpty()) {
            throw new BadSettingsException("Secret 'secret' is required when authKind is " + kind + ".");
        }
        if (secret.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new BadSettingsException("Secret 'secret' contains line breaks or control characters.");
        }
        return secret;
    }
}
