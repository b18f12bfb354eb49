package id.ossgateway.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.ossgateway.journal.Journey;
import id.ossgateway.journal.MessagePage;
import id.ossgateway.journal.MessageQuery;
import id.ossgateway.journal.MessageSearch;
import id.ossgateway.journal.MessageState;
import id.ossgateway.security.Caller;
import java.time.Instant;
import java.time.LocalDate;
import java.util.NoSuchElementException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /console/messages}: search the journal by NIB, id_izin, message id, system, state and days (in
 * WITA), newest first with "older" paging; and the journey of one message — every hop, every attempt with
 * OSS's reply. The search service narrows OPD staff to their OPD and masks personal data for them.
 */
@Controller
class MessagesController {

    private static final int PAGE = 50;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MessageSearch search;
    private final ConsoleTime time;

    MessagesController(MessageSearch search, ConsoleTime time) {
        this.search = search;
        this.time = time;
    }

    @GetMapping("/console/messages")
    String search(@RequestParam(required = false) String nib, @RequestParam(required = false) String idIzin,
                  @RequestParam(required = false) String messageId, @RequestParam(required = false) String system,
                  @RequestParam(required = false) String state, @RequestParam(required = false) LocalDate from,
                  @RequestParam(required = false) LocalDate to, @RequestParam(required = false) String before,
                  Model model) {
        MessageState wanted = blank(state) == null ? null : MessageState.valueOf(state);
        Instant start = from == null ? null : from.atStartOfDay(time.zoneId()).toInstant();
        Instant end = to == null ? null : to.plusDays(1).atStartOfDay(time.zoneId()).toInstant();
        MessageQuery query = new MessageQuery(blank(nib), blank(idIzin), blank(messageId), blank(system), wanted,
                start, end, PAGE, blank(before) == null ? null : MessageQuery.Cursor.parse(before));
        MessagePage page = search.search(query, Caller.current());
        model.addAttribute("messages", page.messages());
        model.addAttribute("next", page.next());
        model.addAttribute("states", MessageState.values());
        model.addAttribute("q", new Form(blank(nib), blank(idIzin), blank(messageId), blank(system), blank(state),
                from, to));
        return "console/messages";
    }

    @GetMapping("/console/messages/{id}")
    String journey(@PathVariable String id, Model model) {
        Journey journey = search.journey(id, Caller.current()).orElseThrow(() -> new NoSuchElementException(id));
        model.addAttribute("journey", journey);
        model.addAttribute("m", journey.message());
        model.addAttribute("document", pretty(journey));
        return "console/message";
    }

    /** The search form as it was filled in, to show it again with the results. */
    record Form(String nib, String idIzin, String messageId, String system, String state, LocalDate from,
                LocalDate to) {
    }

    private static String pretty(Journey journey) {
        try {
            return journey.document() == null ? "" : JSON.writerWithDefaultPrettyPrinter().writeValueAsString(journey.document());
        } catch (JsonProcessingException e) {
            return journey.document().toString();
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
