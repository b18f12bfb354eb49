package id.ossgateway.registry.check;

/**
 * The gateway will not connect to this host. Checked, so that no caller forgets that a target can be
 * refused; the message says why and what the operator could allow.
 */
public class RefusedTargetException extends Exception {

    public RefusedTargetException(String message) {
        super(message);
    }
}
