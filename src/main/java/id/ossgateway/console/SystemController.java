package id.ossgateway.console;

import id.ossgateway.audit.AuditLog;
import id.ossgateway.registry.ConnectionChecks;
import id.ossgateway.registry.OpdSystem;
import id.ossgateway.registry.Registry;
import id.ossgateway.registry.RegistryException;
import id.ossgateway.security.Caller;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /console/systems/{id}}: one system, its settings (credentials by name only), its audit trail, and
 * the lifecycle buttons the caller's role and the system's state allow. Every action goes through the
 * registry, which records it in the audit log; another OPD's system is the not-found page.
 */
@Controller
class SystemController {

    private final Registry registry;
    private final AuditLog audit;

    private final ConnectionChecks connections;

    SystemController(Registry registry, AuditLog audit, ConnectionChecks connections) {
        this.registry = registry;
        this.audit = audit;
        this.connections = connections;
    }

    @GetMapping("/console/systems/{id}")
    String show(@PathVariable String id, Model model) {
        OpdSystem system = registry.system(Caller.current(), id);
        model.addAttribute("system", system);
        model.addAttribute("audit", audit.about("system:" + system.id()));
        return "console/system";
    }

    @PostMapping("/console/systems/{id}/submit")
    String submit(@PathVariable String id, RedirectAttributes redirect) {
        return act(id, redirect, () -> registry.submit(Caller.current(), id));
    }

    /** The page carries the version the operator saw: a change made since then is not approved with it. */
    @PostMapping("/console/systems/{id}/approve")
    String approve(@PathVariable String id, @RequestParam(required = false) Integer version,
                   RedirectAttributes redirect) {
        return act(id, redirect, () -> registry.approve(Caller.current(), id, version));
    }

    @PostMapping("/console/systems/{id}/suspend")
    String suspend(@PathVariable String id, @RequestParam(required = false) String reason,
                   RedirectAttributes redirect) {
        return act(id, redirect, () -> registry.suspend(Caller.current(), id, blankToNull(reason)));
    }

    @PostMapping("/console/systems/{id}/resume")
    String resume(@PathVariable String id, RedirectAttributes redirect) {
        return act(id, redirect, () -> registry.resume(Caller.current(), id));
    }

    @PostMapping("/console/systems/{id}/retire")
    String retire(@PathVariable String id, @RequestParam(required = false) String reason,
                  RedirectAttributes redirect) {
        return act(id, redirect, () -> registry.retire(Caller.current(), id, blankToNull(reason)));
    }

    /** A real attempt with the stored settings; the verdict is shown on the system's page. */
    @PostMapping("/console/systems/{id}/test")
    String testConnection(@PathVariable String id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("verdict", connections.test(Caller.current(), id));
        return "redirect:/console/systems/" + id;
    }

    private String act(String id, RedirectAttributes redirect, java.util.function.Supplier<OpdSystem> action) {
        try {
            OpdSystem after = action.get();
            redirect.addFlashAttribute("done", "systems.state." + after.state());
        } catch (RegistryException e) {
            if (e.kind() == RegistryException.Kind.NOT_FOUND) {
                throw e;
            }
            redirect.addFlashAttribute("errors", e.reasons());
        }
        return "redirect:/console/systems/" + id;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
