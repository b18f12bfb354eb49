package id.ossgateway.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.ossgateway.mapping.MappingPreview;
import id.ossgateway.mapping.MappingRegistry;
import id.ossgateway.mapping.SampleRows;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /console/mappings/preview}: paste a CSV or JSON sample, see the PIA document each record becomes
 * under the mapping in force, or every violation. Nothing is sent or recorded. What is shown comes from what
 * the user pasted, so it is not masked.
 */
@Controller
class MappingPreviewController {

    private final MappingPreview preview;
    private final MappingRegistry mappings;
    private final org.springframework.context.MessageSource messages;

    MappingPreviewController(MappingPreview preview, MappingRegistry mappings,
                             org.springframework.context.MessageSource messages) {
        this.preview = preview;
        this.mappings = mappings;
        this.messages = messages;
    }

    /** One record's outcome: MAPPED with its document, REJECTED with violations, or SKIPPED with why. */
    record Result(int number, String outcome, String method, String document, List<RejectView.Reason> violations,
                  String reason) {
    }

    @GetMapping("/console/mappings/preview")
    String form(@RequestParam(required = false) String system, Model model) {
        model.addAttribute("systems", mappings.systems());
        model.addAttribute("system", system);
        model.addAttribute("sample", "");
        return "console/preview";
    }

    @PostMapping("/console/mappings/preview")
    String run(@RequestParam String system, @RequestParam(defaultValue = "") String sample, Model model) {
        model.addAttribute("systems", mappings.systems());
        model.addAttribute("system", system);
        model.addAttribute("sample", sample);
        List<SampleRows.Row> rows;
        try {
            rows = SampleRows.parse(sample);
        } catch (IllegalArgumentException e) {
            java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
            model.addAttribute("error", e instanceof SampleRows.Unreadable u
                    ? messages.getMessage(u.key(), u.args(), e.getMessage(), locale) : e.getMessage());
            return "console/preview";
        }
        List<Map<String, Object>> records = rows.stream().map(SampleRows.Row::fields).toList();
        Optional<ObjectNode> out = preview.preview(system, records);
        if (out.isEmpty()) {
            model.addAttribute("error", messages.getMessage("preview.noMapping", new Object[] {system},
                    org.springframework.context.i18n.LocaleContextHolder.getLocale()));
            return "console/preview";
        }
        model.addAttribute("mappingVersion", out.get().path("mappingVersion").asText());
        model.addAttribute("results", results(out.get().path("results"), rows));
        return "console/preview";
    }

    /** The results numbered by the line each record starts on, as the file's result report numbers them. */
    static List<Result> results(JsonNode results, List<SampleRows.Row> rows) {
        List<Result> out = new ArrayList<>();
        int i = 0;
        for (JsonNode r : results) {
            List<RejectView.Reason> violations = new ArrayList<>();
            r.path("violations").forEach(v -> violations.add(new RejectView.Reason(v.path("field").asText(null),
                    v.path("rule").asText(null), v.path("message").asText(null))));
            out.add(new Result((int) rows.get(i++).line(), r.path("outcome").asText(), r.path("method").asText(null),
                    r.has("document") ? r.get("document").toPrettyString() : null, violations,
                    r.path("reason").asText(null)));
        }
        return out;
    }
}
