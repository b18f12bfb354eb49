package id.ossgateway.console;

import id.ossgateway.registry.RegistryException;
import id.ossgateway.security.Caller;
import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Refusals as console pages: what does not exist — or belongs to another OPD, which the services report the
 * same way so that ids do not leak — is the not-found page (404); what the role may not do, the forbidden
 * page (403). Both keep the menu, so the user can go on.
 */
@ControllerAdvice(basePackageClasses = ConsoleErrors.class)
class ConsoleErrors {

    @ExceptionHandler(NoSuchElementException.class)
    ModelAndView notFound() {
        return page("console/not-found", HttpStatus.NOT_FOUND, List.of());
    }

    @ExceptionHandler(RegistryException.class)
    ModelAndView refused(RegistryException e) {
        return switch (e.kind()) {
            case NOT_FOUND -> page("console/not-found", HttpStatus.NOT_FOUND, List.of());
            case FORBIDDEN -> page("console/forbidden", HttpStatus.FORBIDDEN, e.reasons());
            case INVALID, CONFLICT -> page("console/forbidden", HttpStatus.CONFLICT, e.reasons());
        };
    }

    private static ModelAndView page(String view, HttpStatus status, List<String> reasons) {
        ModelAndView mv = new ModelAndView(view, status);
        // exception handlers do not get the @ModelAttribute values of ConsoleModel
        Caller me = Caller.current();
        mv.addObject("me", me);
        mv.addObject("menu", ConsolePage.visibleTo(me.role()));
        mv.addObject("current", null);
        mv.addObject("reasons", reasons);
        return mv;
    }
}
