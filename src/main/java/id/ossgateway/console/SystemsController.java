package id.ossgateway.console;

import id.ossgateway.privacy.PersonalData;

import id.ossgateway.registry.Opd;
import id.ossgateway.registry.OpdSystem;
import id.ossgateway.registry.Registry;
import id.ossgateway.registry.RegistryException;
import id.ossgateway.registry.SystemKind;
import id.ossgateway.security.Caller;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /console/systems}: the registry's systems and OPDs, and the forms to register them. The registry
 * decides who may do what (OPD staff their own OPD, operators all); the page shows its refusals as they are.
 */
@Controller
class SystemsController {

    private final Registry registry;

    SystemsController(Registry registry) {
        this.registry = registry;
    }

    @GetMapping("/console/systems")
    String list(@RequestParam(required = false) String opd, Model model) {
        Caller caller = Caller.current();
        List<OpdSystem> systems = registry.systems(caller, opd == null || opd.isBlank() ? null : opd);
        model.addAttribute("systems", systems);
        model.addAttribute("opds", registry.opds(caller).stream().map(o -> masked(caller, o)).toList());
        model.addAttribute("opd", opd);
        return "console/systems";
    }

    @GetMapping("/console/systems/new")
    String form(Model model) {
        Caller caller = Caller.current();
        return form(model, caller, SystemForm.empty(caller.opdScope().orElse(null)), List.of());
    }

    @PostMapping("/console/systems")
    String create(@ModelAttribute SystemForm form, Model model, RedirectAttributes redirect) {
        Caller caller = Caller.current();
        try {
            OpdSystem created = registry.create(caller, form.toRequest());
            redirect.addFlashAttribute("done", "systems.registered");
            return "redirect:/console/systems/" + created.id();
        } catch (IllegalArgumentException e) {
            return form(model, caller, form.withoutCredentials(), List.of(e.getMessage()));
        } catch (RegistryException e) {
            if (e.kind() == RegistryException.Kind.NOT_FOUND || e.kind() == RegistryException.Kind.FORBIDDEN) {
                throw e;
            }
            return form(model, caller, form.withoutCredentials(), e.reasons());
        }
    }

    @PostMapping("/console/opds")
    String createOpd(@RequestParam String code, @RequestParam String name,
                     @RequestParam(required = false) String contactName,
                     @RequestParam(required = false) String contactEmail,
                     @RequestParam(required = false) String contactPhone, RedirectAttributes redirect) {
        try {
            registry.createOpd(Caller.current(), new Opd(code.strip(), name, contactName, contactEmail, contactPhone,
                    null));
            redirect.addFlashAttribute("done", "opds.created");
        } catch (RegistryException e) {
            redirect.addFlashAttribute("errors", e.reasons());
        }
        return "redirect:/console/systems";
    }

    private String form(Model model, Caller caller, SystemForm form, List<String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("kinds", SystemKind.values());
        model.addAttribute("credentials", SystemForm.CREDENTIALS);
        model.addAttribute("opds", registry.opds(caller));
        return "console/system-form";
    }

    /** OPD contacts are people: their e-mail and phone only for operators. */
    private static Opd masked(Caller caller, Opd o) {
        if (caller.isOperator()) {
            return o;
        }
        return new Opd(o.code(), o.name(), o.contactName(),
                o.contactEmail() == null ? null : PersonalData.maskValue(o.contactEmail()),
                o.contactPhone() == null ? null : PersonalData.maskValue(o.contactPhone()), o.createdAt());
    }
}
