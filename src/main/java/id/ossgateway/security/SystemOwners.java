package id.ossgateway.security;

import java.util.List;
import java.util.Optional;

/**
 * Which OPD a system belongs to, for features that show a system's data (rejects, messages) to OPD staff.
 * Systems defined only in files belong to no OPD and are visible to operators alone.
 */
public interface SystemOwners {

    Optional<String> opdOf(String systemId);

    List<String> systemsOf(String opdCode);

    /** Whether the caller may see this system's data. */
    default boolean visible(Caller caller, String systemId) {
        return caller.canSee(opdOf(systemId).orElse(null));
    }
}
