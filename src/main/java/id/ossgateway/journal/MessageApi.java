package id.ossgateway.journal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.ossgateway.security.Caller;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The journal for operators and OPD staff: {@code GET /api/v1/messages?nib=&idIzin=&messageId=&system=&state=
 * &from=&to=&limit=&before=} (newest first; {@code next} is the {@code before} of the next page) and
 * {@code GET /api/v1/messages/{id}}, the journey. Who sees what is {@link MessageSearch}'s business.
 */
@RestController
@RequestMapping("/api/v1/messages")
class MessageApi {

    private final MessageSearch search;
    // Spring's mapper: instants as ISO-8601 text, like the rest of the API
    private final ObjectMapper json;

    MessageApi(MessageSearch search, ObjectMapper json) {
        this.search = search;
        this.json = json;
    }

    @GetMapping
    ObjectNode search(@RequestParam(required = false) String nib,
                      @RequestParam(required = false) String idIzin,
                      @RequestParam(required = false) String messageId,
                      @RequestParam(required = false) String system,
                      @RequestParam(required = false) MessageState state,
                      @RequestParam(required = false) String from,
                      @RequestParam(required = false) String to,
                      @RequestParam(defaultValue = "50") int limit,
                      @RequestParam(required = false) String before) {
        MessageQuery query = new MessageQuery(nib, idIzin, messageId, system, state, instant("from", from),
                instant("to", to), limit, before == null || before.isBlank() ? null : MessageQuery.Cursor.parse(before));
        MessagePage page = search.search(query, Caller.current());
        ObjectNode reply = json.createObjectNode();
        reply.set("messages", json.valueToTree(page.messages().stream().map(this::summary).toList()));
        reply.put("next", page.next());
        return reply;
    }

    @GetMapping("/{id}")
    ObjectNode journey(@PathVariable String id) {
        Journey journey = search.journey(id, Caller.current()).orElseThrow(() -> new NoSuchElementException(id));
        ObjectNode reply = summary(journey.message());
        reply.put("sourceRef", journey.message().sourceRef());
        reply.put("contentHash", journey.message().contentHash());
        reply.put("mappingVersion", journey.message().mappingVersion());
        reply.set("document", journey.document());
        reply.set("events", json.valueToTree(journey.events()));
        reply.set("attempts", json.valueToTree(journey.attempts()));
        return reply;
    }

    /** What a list shows of a message: the envelope and where it stands, not the document. */
    private ObjectNode summary(StoredMessage m) {
        ObjectNode n = json.createObjectNode();
        n.put("messageId", m.messageId());
        n.put("systemId", m.systemId());
        n.put("opdCode", m.opdCode());
        n.put("direction", m.direction());
        n.put("method", m.method());
        n.put("idIzin", m.businessKey());
        n.put("nib", m.nib());
        n.put("statusCode", m.statusCode());
        n.put("state", m.state().name());
        n.put("receivedAt", m.receivedAt().toString());
        n.put("stateAt", m.stateAt().toString());
        n.put("attempts", m.attempts());
        n.put("nomorIzin", m.nomorIzin());
        n.put("lastError", m.lastError());
        return n;
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be an ISO-8601 instant such as 2026-11-02T01:00:00Z");
        }
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, String>> badRequest(IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(Map.of("error", String.valueOf(e.getMessage())));
    }

    /** Another OPD's message is "not found", like one that does not exist. */
    @ExceptionHandler(NoSuchElementException.class)
    ResponseEntity<Map<String, String>> notFound(NoSuchElementException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "no message " + e.getMessage()));
    }
}
