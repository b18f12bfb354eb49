package id.ossgateway.console;

import id.ossgateway.security.Role;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The console's pages as the menu lists them, in order, each with the roles that may open it. To add a page:
 * a controller under its path, a template that uses {@code console/layout :: page}, an entry here, the
 * labels in {@code messages*.properties}, and — when the roles differ from "any user" — the same roles for
 * the path in {@code SecurityConfiguration} (the menu only hides; the path rule is what refuses).
 */
enum ConsolePage {
    OVERVIEW("nav.overview", "/console", Role.values()),
    MESSAGES("nav.messages", "/console/messages", Role.OPERATOR, Role.OPD_STAFF),
    DEAD_LETTERS("nav.deadLetters", "/console/dead-letters", Role.OPERATOR),
    REJECTS("nav.rejects", "/console/rejects", Role.OPERATOR, Role.OPD_STAFF),
    // before the preview: its path lies under this one, and the last page that owns a path is the current one
    MAPPINGS("nav.mappings", "/console/mappings", Role.values()),
    MAPPING_PREVIEW("nav.preview", "/console/mappings/preview", Role.OPERATOR, Role.INTEGRATOR),
    SYSTEMS("nav.systems", "/console/systems", Role.OPERATOR, Role.OPD_STAFF);

    private final String label;
    private final String path;
    private final Set<Role> roles;

    ConsolePage(String label, String path, Role... roles) {
        this.label = label;
        this.path = path;
        this.roles = Set.of(roles);
    }

    public String label() {
        return label;
    }

    public String path() {
        return path;
    }

    /** Whether a request path belongs to this page (the overview only for itself). */
    public boolean owns(String requestPath) {
        return this == OVERVIEW ? path.equals(requestPath) : requestPath.startsWith(path);
    }

    static List<ConsolePage> visibleTo(Role role) {
        return Arrays.stream(values()).filter(p -> p.roles.contains(role)).toList();
    }
}
