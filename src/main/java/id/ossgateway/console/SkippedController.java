package id.ossgateway.console;

import id.ossgateway.security.Caller;
import id.ossgateway.source.SkipApi;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /console/rejects/skipped}: records a mapping skipped on purpose, each with its rule's reason. */
@Controller
class SkippedController {

    private final SkipApi skips;

    SkippedController(SkipApi skips) {
        this.skips = skips;
    }

    @GetMapping("/console/rejects/skipped")
    String list(@RequestParam(required = false) String system, Model model) {
        model.addAttribute("skipped", skips.visible(Caller.current(), system == null || system.isBlank() ? null : system, 200));
        model.addAttribute("system", system);
        return "console/skipped";
    }
}
