package id.ossgateway.registry;

import java.util.List;

/** A registry request that cannot be done, with the reasons, and what kind of refusal it is. */
public class RegistryException extends RuntimeException {

    /** How the API answers: 400, 403, 404 or 409. */
    public enum Kind { INVALID, FORBIDDEN, NOT_FOUND, CONFLICT }

    private final Kind kind;
    private final transient List<String> reasons;

    RegistryException(Kind kind, List<String> reasons) {
        super(String.join("; ", reasons));
        this.kind = kind;
        this.reasons = List.copyOf(reasons);
    }

    static RegistryException notFound(String what) {
        return new RegistryException(Kind.NOT_FOUND, List.of(what + " does not exist"));
    }

    static RegistryException conflict(String reason) {
        return new RegistryException(Kind.CONFLICT, List.of(reason));
    }

    static RegistryException forbidden(String reason) {
        return new RegistryException(Kind.FORBIDDEN, List.of(reason));
    }

    static RegistryException invalid(List<String> reasons) {
        return new RegistryException(Kind.INVALID, reasons);
    }

    public Kind kind() {
        return kind;
    }

    public List<String> reasons() {
        return reasons;
    }
}
