package id.ossgateway.console;

import com.fasterxml.jackson.databind.node.ObjectNode;
import id.ossgateway.mapping.Mapping;
import id.ossgateway.mapping.MappingPreview;
import id.ossgateway.mapping.MappingRegistry;
import id.ossgateway.mapping.SampleRows;
import id.ossgateway.mapping.version.MappingEditException;
import id.ossgateway.mapping.version.MappingSamples;
import id.ossgateway.mapping.version.MappingVersions;
import id.ossgateway.registry.OpdSystem;
import id.ossgateway.registry.Registry;
import id.ossgateway.security.Caller;
import id.ossgateway.security.Role;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /console/mappings}: the mapping editor. Per PIA field a source column, a JSONata expression or a
 * constant; lookup tables as rows; a live preview on the system's sample rows while typing; the raw YAML for
 * integrators; every version with its diff, approval by version number and a one-click rollback. OPD staff
 * edit their own OPD's systems and submit; integrators and operators approve (see {@link MappingVersions}).
 */
@Controller
class MappingEditorController {

    private final MappingVersions versions;
    private final MappingSamples samples;
    private final MappingRegistry mappings;
    private final MappingPreview preview;
    private final Registry registry;
    private final MessageSource messages;

    MappingEditorController(MappingVersions versions, MappingSamples samples, MappingRegistry mappings,
                            MappingPreview preview, Registry registry, MessageSource messages) {
        this.versions = versions;
        this.samples = samples;
        this.mappings = mappings;
        this.preview = preview;
        this.registry = registry;
        this.messages = messages;
    }

    @GetMapping("/console/mappings")
    String list(Model model) {
        Caller caller = Caller.current();
        TreeSet<String> systems = new TreeSet<>();
        if (caller.role() != Role.INTEGRATOR) {
            registry.systems(caller, null).stream().map(OpdSystem::id).forEach(systems::add);
        }
        if (caller.role() != Role.OPD_STAFF) {
            systems.addAll(mappings.systems());
        }
        model.addAttribute("systems", systems);
        model.addAttribute("pending", versions.pending(caller));
        return "console/mappings";
    }

    @GetMapping("/console/mappings/{system}")
    String edit(@PathVariable String system, Model model) {
        Caller caller = Caller.current();
        String yaml = versions.currentText(caller, system).orElse(starter(system));
        return editor(model, caller, system, yaml);
    }

    /** Saves the form (or, for integrators, the raw YAML) as a new version. */
    @PostMapping("/console/mappings/{system}")
    String save(@PathVariable String system, @RequestParam Map<String, String> params, Model model,
                RedirectAttributes redirect) {
        Caller caller = Caller.current();
        String yaml = text(caller, params);
        try {
            var saved = versions.save(caller, system, yaml, params.get("note"), null);
            redirect.addFlashAttribute("done", MappingVersions.canApprove(caller) ? "mapping.saved" : "mapping.submitted");
            redirect.addFlashAttribute("savedVersion", saved.versionNo());
            return "redirect:/console/mappings/" + system;
        } catch (MappingEditException e) {
            model.addAttribute("errors", localized(e));
            return editor(model, caller, system, yaml);
        }
    }

    /** The live preview: the posted form applied to the text, run over the system's sample rows. */
    @PostMapping("/console/mappings/{system}/preview")
    String livePreview(@PathVariable String system, @RequestParam Map<String, String> params, Model model) {
        Caller caller = Caller.current();
        String sample = params.getOrDefault("sample", samples.text(system).orElse(""));
        String yaml = text(caller, params);
        try {
            Mapping mapping;
            try {
                mapping = versions.check(caller, system, yaml);
            } catch (MappingEditException e) {
                // what would refuse the save (a missing column, another OPD) is shown above the rows' results
                model.addAttribute("problems", localized(e));
                mapping = versions.parse(system, yaml);
            }
            List<SampleRows.Row> rows = SampleRows.parse(sample);
            ObjectNode out = preview.preview(mapping, rows.stream().map(SampleRows.Row::fields).toList());
            model.addAttribute("results", MappingPreviewController.results(out.path("results"), rows));
        } catch (MappingEditException e) {
            model.addAttribute("problems", localized(e));
        } catch (IllegalArgumentException e) {
            model.addAttribute("problems", List.of(unreadable(e)));
        }
        return "console/mapping-preview :: results";
    }

    @PostMapping("/console/mappings/{system}/sample")
    String saveSample(@PathVariable String system, @RequestParam String sample, RedirectAttributes redirect) {
        Caller caller = Caller.current();
        versions.currentText(caller, system); // 404 unless the caller may see the system
        try {
            samples.save(system, sample, caller.username());
            redirect.addFlashAttribute("done", "mapping.sample.saved");
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("errors", List.of(unreadable(e)));
        }
        return "redirect:/console/mappings/" + system;
    }

    /** Why the sample rows cannot be read, in the user's language. */
    private String unreadable(IllegalArgumentException e) {
        String why = e instanceof SampleRows.Unreadable u
                ? messages.getMessage(u.key(), u.args(), e.getMessage(), LocaleContextHolder.getLocale()) : e.getMessage();
        return messages.getMessage("mapping.sample.unreadable", new Object[] {why}, LocaleContextHolder.getLocale());
    }

    @PostMapping("/console/mappings/{system}/versions/{n}/{action}")
    String decide(@PathVariable String system, @PathVariable int n, @PathVariable String action,
                  @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        Caller caller = Caller.current();
        try {
            switch (action) {
                case "approve" -> versions.approve(caller, system, n);
                case "reject" -> versions.reject(caller, system, n, reason);
                case "rollback" -> versions.rollback(caller, system, n);
                default -> throw new java.util.NoSuchElementException(action);
            }
            redirect.addFlashAttribute("done", "mapping." + action + ".done");
        } catch (MappingEditException e) {
            redirect.addFlashAttribute("errors", localized(e));
        }
        return "redirect:/console/mappings/" + system;
    }

    @GetMapping("/console/mappings/{system}/versions/{n}/diff")
    String diff(@PathVariable String system, @PathVariable int n, Model model) {
        model.addAttribute("system", system);
        model.addAttribute("versionNo", n);
        model.addAttribute("diff", versions.diff(Caller.current(), system, n, null));
        return "console/mapping-diff";
    }

    private String editor(Model model, Caller caller, String system, String yaml) {
        model.addAttribute("system", system);
        model.addAttribute("yaml", yaml);
        model.addAttribute("fields", MappingForm.fields(yaml));
        model.addAttribute("lookups", MappingForm.lookups(yaml));
        model.addAttribute("versions", versions.versions(caller, system));
        model.addAttribute("sample", samples.text(system).orElse(""));
        model.addAttribute("columns", samples.columns(system).orElse(List.of()));
        model.addAttribute("approver", MappingVersions.canApprove(caller));
        model.addAttribute("modes", MappingForm.Mode.values());
        return "console/mapping-editor";
    }

    /** The raw YAML when an integrator edited it, else the form applied to the text it was built from. */
    private static String text(Caller caller, Map<String, String> params) {
        if (MappingVersions.canApprove(caller) && "yaml".equals(params.get("editor"))) {
            return params.getOrDefault("yaml", "");
        }
        return MappingForm.apply(params.getOrDefault("base", ""), params);
    }

    private List<String> localized(MappingEditException e) {
        return e.reasons().stream().map(r -> messages.getMessage(r.key(), r.args().toArray(), r.text(),
                LocaleContextHolder.getLocale())).toList();
    }

    /** A first text for a system without a mapping: the two status documents' required fields, to fill in. */
    private static String starter(String system) {
        return "system: " + system + "\nopd: \nrouting:\n  - method: receiveLicenseStatus\ndocuments:\n"
                + "  receiveLicenseStatus:\n    id_izin: id_izin\nlookups:\n  status: {}\n";
    }
}
