package id.ossgateway.registry.check;

import java.util.Locale;
import java.util.Map;

/**
 * The settings and secrets the registry passed for one system, read with messages that name the key.
 * Also redacts secrets out of anything a remote server said before it reaches a verdict.
 */
final class CheckSettings {

    private static final int MAX_DETAIL = 300;

    private final Map<String, String> settings;
    private final Map<String, String> secrets;

    CheckSettings(Map<String, String> settings, Map<String, String> secrets) {
        this.settings = settings == null ? Map.of() : settings;
        this.secrets = secrets == null ? Map.of() : secrets;
    }

    String required(String key) throws BadSettingsException {
        String value = optional(key);
        if (value.isEmpty()) {
            throw new BadSettingsException("Setting '" + key + "' is required.");
        }
        return value;
    }

    /** The trimmed value, or "" when absent. */
    String optional(String key) {
        String value = settings.get(key);
        return value == null ? "" : value.trim();
    }

    int port(String key, int defaultPort) throws BadSettingsException {
        String value = optional(key);
        if (value.isEmpty()) {
            return defaultPort;
        }
        try {
            int port = Integer.parseInt(value);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // fall through to the message
        }
        throw new BadSettingsException("Setting '" + key + "' must be a port number between 1 and 65535.");
    }

    boolean bool(String key, boolean defaultValue) throws BadSettingsException {
        String value = optional(key).toLowerCase(Locale.ROOT);
        return switch (value) {
            case "" -> defaultValue;
            case "true" -> true;
            case "false" -> false;
            default -> throw new BadSettingsException("Setting '" + key + "' must be true or false.");
        };
    }

    /** The secret as given (not trimmed: spaces can be part of a password), or "" when absent. */
    String secret(String key) {
        String value = secrets.get(key);
        return value == null ? "" : value;
    }

    /** A remote server's words, shortened and with every secret value masked. */
    String redact(String text) {
        if (text == null) {
            return "";
        }
        String result = text.strip();
        for (String secret : secrets.values()) {
            if (secret != null && !secret.isEmpty()) {
                result = result.replace(secret, "****");
            }
        }
        return result.length() > MAX_DETAIL ? result.substring(0, MAX_DETAIL) + "…" : result;
    }
}
