package id.ossgateway.security;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The user behind the current request, as the features need it: a name for the audit log, a role, and for
 * OPD staff their OPD.
 *
 * @param opdCode the OPD of an OPD_STAFF user; null for the other roles
 */
public record Caller(String username, Role role, String opdCode) {

    /** The gateway itself, for changes nobody requested (start-up, scheduled work). */
    public static final Caller SYSTEM = new Caller("system", Role.OPERATOR, null);

    public static Caller current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof GatewayPrincipal p) {
            return p.caller();
        }
        throw new IllegalStateException("no authenticated gateway user on this request");
    }

    public boolean isOperator() {
        return role == Role.OPERATOR;
    }

    /** Whether this caller may see an OPD's data: operators all, OPD staff their own; integrators none. */
    public boolean canSee(String opd) {
        return role == Role.OPERATOR || (role == Role.OPD_STAFF && opd != null && opd.equals(opdCode));
    }

    /** The OPD a list is limited to, or empty for all. */
    public Optional<String> opdScope() {
        return role == Role.OPD_STAFF ? Optional.of(opdCode) : Optional.empty();
    }
}
