package id.ossgateway.console;

import id.ossgateway.security.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every console page's layout needs: the signed-in user, the menu for their role, the current page. */
@ControllerAdvice(basePackageClasses = ConsoleModel.class)
class ConsoleModel {

    @ModelAttribute("me")
    Caller me() {
        return Caller.current();
    }

    @ModelAttribute("menu")
    List<ConsolePage> menu() {
        return ConsolePage.visibleTo(Caller.current().role());
    }

    @ModelAttribute("current")
    ConsolePage current(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        ConsolePage found = ConsolePage.OVERVIEW;
        for (ConsolePage page : ConsolePage.values()) {
            if (page.owns(path)) {
                found = page;
            }
        }
        return found;
    }
}
