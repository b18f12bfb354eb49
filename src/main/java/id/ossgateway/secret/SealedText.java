package id.ossgateway.secret;

import org.springframework.stereotype.Component;

/**
 * Personal data at rest: a text column (a source record kept with its reject, a PIA document in the journal)
 * sealed with the master key before it is written and opened when it is read. The stored form is
 * {@code sealed:<SecretBox ciphertext>}, bound to the row it belongs to ({@code reject:<id>},
 * {@code message:<id>}), so a value copied onto another row does not open. Rows written before sealing
 * existed have no prefix and are read as they are, until {@code POST /api/v1/admin/secrets/rotate} or
 * the start-up sealer rewrites them.
 */
@Component
public class SealedText {

    static final String PREFIX = "sealed:";

    private final SecretBox box;

    public SealedText(SecretBox box) {
        this.box = box;
    }

    /** The text as it is to be stored; null stays null. */
    public String seal(String text, String boundTo) {
        return text == null ? null : PREFIX + box.seal(text, boundTo);
    }

    /** The text as it was given to {@link #seal}; a value stored before sealing is returned as it is. */
    public String open(String stored, String boundTo) {
        return isSealed(stored) ? box.open(stored.substring(PREFIX.length()), boundTo) : stored;
    }

    public static boolean isSealed(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    /** Whether a stored value is sealed with the current master key (else it is clear or needs re-sealing). */
    public boolean isCurrent(String stored) {
        return isSealed(stored) && box.isCurrent(stored.substring(PREFIX.length()));
    }
}
