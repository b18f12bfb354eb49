package id.ossgateway.console;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Pages whose services are being built elsewhere: the menu already leads here, and each page says it is
 * coming. Replace a mapping here by the page's own controller when its service lands.
 */
@Controller
class ComingPages {

    @GetMapping("/console/messages")
    String messages(Model model) {
        return coming(model, ConsolePage.MESSAGES);
    }

    @GetMapping("/console/dead-letters")
    String deadLetters(Model model) {
        return coming(model, ConsolePage.DEAD_LETTERS);
    }

    private static String coming(Model model, ConsolePage page) {
        model.addAttribute("page", page);
        return "console/coming";
    }
}
