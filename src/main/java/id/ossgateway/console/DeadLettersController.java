package id.ossgateway.console;

import id.ossgateway.delivery.DeadLetterOperations;
import id.ossgateway.delivery.DeadLetterOutcome;
import id.ossgateway.security.Caller;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /console/dead-letters} (operators): the dead-letter queue as it is, with OSS's reason; selected
 * messages are replayed to the queue they came from or discarded with a reason — both journaled and
 * audited by {@link DeadLetterOperations}. The outcome of each is shown after the redirect.
 */
@Controller
class DeadLettersController {

    private static final int LIMIT = 500;

    private final DeadLetterOperations deadLetters;

    DeadLettersController(DeadLetterOperations deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping("/console/dead-letters")
    String list(Model model) {
        model.addAttribute("deadLetters", deadLetters.browse(LIMIT));
        return "console/dead-letters";
    }

    @PostMapping("/console/dead-letters/replay")
    String replay(@RequestParam(name = "id", required = false) List<String> ids, RedirectAttributes redirect) {
        if (ids == null || ids.isEmpty()) {
            redirect.addFlashAttribute("notice", "deadLetters.noneSelected");
            return "redirect:/console/dead-letters";
        }
        return done(deadLetters.replay(ids, Caller.current().username()), redirect);
    }

    @PostMapping("/console/dead-letters/discard")
    String discard(@RequestParam(name = "id", required = false) List<String> ids,
                   @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        if (ids == null || ids.isEmpty()) {
            redirect.addFlashAttribute("notice", "deadLetters.noneSelected");
            return "redirect:/console/dead-letters";
        }
        if (reason.isBlank()) {
            redirect.addFlashAttribute("notice", "deadLetters.reasonRequired");
            return "redirect:/console/dead-letters";
        }
        return done(deadLetters.discard(ids, reason.strip(), Caller.current().username()), redirect);
    }

    private static String done(List<DeadLetterOutcome> outcomes, RedirectAttributes redirect) {
        redirect.addFlashAttribute("outcomes", outcomes);
        return "redirect:/console/dead-letters";
    }
}
