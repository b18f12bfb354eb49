package id.ossgateway.envelope;

import java.util.Locale;

/**
 * An OPD's code as one thing everywhere: the registry's {@code dinkes}, a mapping's {@code DINKES} and
 * {@code " Dinkes "} are the same OPD, so codes are compared and stored trimmed and in lower case.
 */
public final class OpdCode {

    private OpdCode() {
    }

    public static String normalise(String code) {
        return code == null ? null : code.strip().toLowerCase(Locale.ROOT);
    }
}
