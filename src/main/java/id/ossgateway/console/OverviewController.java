package id.ossgateway.console;

import id.ossgateway.security.Caller;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /console}: the state of every system the user may see, at a glance. */
@Controller
class OverviewController {

    private final Overview overview;

    OverviewController(Overview overview) {
        this.overview = overview;
    }

    @GetMapping("/console")
    String overview(Model model) {
        model.addAttribute("overview", overview.build(Caller.current()));
        return "console/overview";
    }
}
