package id.ossgateway.registry.check;

/** A setting is missing or unacceptable; the message names the setting but never echoes a secret. */
public class BadSettingsException extends Exception {

    public BadSettingsException(String message) {
        super(message);
    }
}
