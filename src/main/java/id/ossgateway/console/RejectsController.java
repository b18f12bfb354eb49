package id.ossgateway.console;

import id.ossgateway.reject.Replays;
import id.ossgateway.security.Caller;
import id.ossgateway.security.SystemOwners;
import id.ossgateway.source.RejectStore;
import id.ossgateway.source.StoredReject;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /console/rejects}: records that could not become a PIA document, with every reason, and their
 * replay through the mapping in force — after the mapping was fixed, or with corrected values. OPD staff see
 * their OPD's systems only; another OPD's reject is "not found".
 */
@Controller
class RejectsController {

    private static final int LIMIT = 200;

    private final RejectStore rejects;
    private final Replays replays;
    private final SystemOwners owners;

    RejectsController(RejectStore rejects, Replays replays, SystemOwners owners) {
        this.rejects = rejects;
        this.replays = replays;
        this.owners = owners;
    }

    @GetMapping("/console/rejects")
    String list(@RequestParam(required = false) String system,
                @RequestParam(defaultValue = "OPEN") String status, Model model) {
        Caller caller = Caller.current();
        String sys = system == null || system.isBlank() ? null : system.strip();
        String state = status.isBlank() || "ALL".equals(status) ? null : status;
        List<StoredReject> found;
        if (caller.isOperator()) {
            found = rejects.list(sys, state, LIMIT);
        } else {
            List<String> systems = sys == null ? owners.systemsOf(caller.opdCode())
                    : owners.visible(caller, sys) ? List.of(sys) : List.of();
            found = systems.stream().flatMap(s -> rejects.list(s, state, LIMIT).stream())
                    .sorted(Comparator.comparing(StoredReject::createdAt).reversed()).limit(LIMIT).toList();
        }
        model.addAttribute("rejects", found.stream().map(r -> RejectView.of(r, caller.isOperator())).toList());
        model.addAttribute("system", sys);
        model.addAttribute("status", state == null ? "ALL" : state);
        return "console/rejects";
    }

    @GetMapping("/console/rejects/{id}")
    String one(@PathVariable String id, Model model) {
        Caller caller = Caller.current();
        model.addAttribute("reject", RejectView.of(visible(caller, id), caller.isOperator()));
        return "console/reject";
    }

    /** Replays and says how it went; the outcome is the reject's own record of it (status, message id). */
    @PostMapping("/console/rejects/{id}/replay")
    String replay(@PathVariable String id, @RequestParam(defaultValue = "") String corrections,
                  RedirectAttributes redirect) {
        visible(Caller.current(), id);
        Replays.Outcome outcome;
        try {
            outcome = replays.replay(id, new LinkedHashMap<>(KeyValueLines.parse(corrections)));
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/console/rejects/" + id;
        }
        redirect.addFlashAttribute("replayed", outcome);
        return "redirect:/console/rejects/" + outcome.rejectId();
    }

    private StoredReject visible(Caller caller, String id) {
        return rejects.find(id).filter(r -> owners.visible(caller, r.systemId()))
                .orElseThrow(() -> new NoSuchElementException("reject " + id));
    }
}
