package id.ossgateway.security;

/** What a user is for. */
public enum Role {
    /** runs the gateway: everything */
    OPERATOR,
    /** writes route definitions, templates and mappings */
    INTEGRATOR,
    /** IT staff of one OPD: only that OPD's systems, rejects and messages */
    OPD_STAFF;

    public String authority() {
        return "ROLE_" + name();
    }
}
