package id.ossgateway.registry.check;

import java.util.Objects;

/**
 * The answer of a connection test: a code for the registry and a sentence for OPD IT staff that names
 * the setting, host, table or column concerned. Messages never contain a secret.
 */
public record Verdict(boolean ok, VerdictCode code, String message) {

    public Verdict {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        if (ok != (code == VerdictCode.OK)) {
            throw new IllegalArgumentException("ok must be true exactly when the code is OK, was " + code);
        }
    }

    public static Verdict ok(String message) {
        return new Verdict(true, VerdictCode.OK, message);
    }

    public static Verdict failed(VerdictCode code, String message) {
        return new Verdict(false, code, message);
    }
}
