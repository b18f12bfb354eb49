package id.ossgateway.console;

import id.ossgateway.registry.OpdSystem;
import id.ossgateway.registry.PushKeys;
import id.ossgateway.registry.Registry;
import id.ossgateway.registry.RegistryException;
import id.ossgateway.registry.SystemRequest;
import id.ossgateway.security.Caller;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /console/systems/{id}/edit}: a registered system's connection, schedule and encoding, its credentials
 * (empty fields keep the stored ones; an SFTP private key may be uploaded as a file — sealed like every
 * credential, never written to disk), and {@code /push-key}: a REST_PUSH system's key, issued or rotated and
 * shown once. The registry decides whether a change needs a new approval.
 */
@Controller
class SystemEditController {

    /** A private key is a few kilobytes; anything bigger is not one. */
    static final int MAX_KEY_BYTES = 16 * 1024;

    private final Registry registry;
    private final PushKeys pushKeys;

    SystemEditController(Registry registry, PushKeys pushKeys) {
        this.registry = registry;
        this.pushKeys = pushKeys;
    }

    @GetMapping("/console/systems/{id}/edit")
    String form(@PathVariable String id, Model model) {
        OpdSystem s = registry.system(Caller.current(), id);
        return form(model, s, new SystemForm(s.id(), s.opdCode(), s.name(), s.kind(), Long.toString(s.scheduleMs()),
                KeyValueLines.format(s.settings()), "", "", ""), List.of());
    }

    @PostMapping("/console/systems/{id}/edit")
    String save(@PathVariable String id, @ModelAttribute SystemForm form,
                @RequestParam(required = false) MultipartFile privateKeyFile, Model model,
                RedirectAttributes redirect) throws IOException {
        Caller caller = Caller.current();
        OpdSystem s = registry.system(caller, id);
        try {
            SystemRequest typed = new SystemForm(id, s.opdCode(), form.name(), s.kind(), form.scheduleMs(),
                    form.settings(), form.password(), form.secret(), uploaded(privateKeyFile, form.privateKey()))
                    .toRequest();
            Map<String, String> secrets = new TreeMap<>(typed.secrets()); // empty fields: keep what is stored
            OpdSystem after = registry.edit(caller, id, new SystemRequest(null, null, typed.name(), null,
                    typed.settings(), secrets, typed.scheduleMs()));
            redirect.addFlashAttribute("done", "systems.edited." + after.state());
            return "redirect:/console/systems/" + id;
        } catch (IllegalArgumentException e) {
            return form(model, s, form.withoutCredentials(), List.of(e.getMessage()));
        } catch (RegistryException e) {
            if (e.kind() == RegistryException.Kind.NOT_FOUND || e.kind() == RegistryException.Kind.FORBIDDEN) {
                throw e;
            }
            return form(model, s, form.withoutCredentials(), e.reasons());
        }
    }

    /** Issues (or rotates) the push key; the page shows it this once. */
    @PostMapping("/console/systems/{id}/push-key")
    String pushKey(@PathVariable String id, RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("pushKey", pushKeys.issue(Caller.current(), id));
        } catch (RegistryException e) {
            if (e.kind() == RegistryException.Kind.NOT_FOUND) {
                throw e;
            }
            redirect.addFlashAttribute("errors", e.reasons());
        }
        return "redirect:/console/systems/" + id;
    }

    private static String uploaded(MultipartFile file, String typed) throws IOException {
        if (file == null || file.isEmpty()) {
            return typed;
        }
        if (file.getSize() > MAX_KEY_BYTES) {
            throw new IllegalArgumentException("privateKey: the file is " + file.getSize() + " bytes, a private key is at"
                    + " most " + MAX_KEY_BYTES);
        }
        return new String(file.getBytes(), StandardCharsets.UTF_8);
    }

    private String form(Model model, OpdSystem system, SystemForm form, List<String> errors) {
        model.addAttribute("system", system);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("credentials", system.kind().secretNames().stream().sorted().toList());
        return "console/system-edit";
    }
}
