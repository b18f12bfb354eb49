package id.ossgateway.pia;

/**
 * One broken rule of one field of a document.
 *
 * @param field   the field inside the wrapper, dotted for nested objects ({@code data_pnbp.tgl_billing})
 * @param rule    the rule that failed: {@code required}, {@code maxLength}, {@code pattern}, {@code enum},
 *                {@code format}, {@code type}, {@code unknownField}, or a mapping rule
 * @param message what is wrong, in words an OPD integrator understands (never the field's value when
 *                the field may hold personal data)
 */
public record Violation(String field, String rule, String message) {

    @Override
    public String toString() {
        return field + ": " + message + " [" + rule + "]";
    }
}
