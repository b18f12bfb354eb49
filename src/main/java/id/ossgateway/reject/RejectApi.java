package id.ossgateway.reject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.ossgateway.security.Caller;
import id.ossgateway.security.SystemOwners;
import id.ossgateway.source.RecordCodec;
import id.ossgateway.source.RejectStore;
import id.ossgateway.source.StoredReject;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The reject store for operators and the console: {@code GET /api/v1/rejects[?system=&status=]},
 * {@code GET /api/v1/rejects/{id}}, {@code POST /api/v1/rejects/{id}/replay} with an optional body
 * {@code {"corrections": {"field": "value"}}}.
 */
@RestController
@RequestMapping("/api/v1/rejects")
class RejectApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RejectStore rejects;
    private final Replays replays;
    private final SystemOwners owners;

    RejectApi(RejectStore rejects, Replays replays, SystemOwners owners) {
        this.rejects = rejects;
        this.replays = replays;
        this.owners = owners;
    }

    /** Operators see every system's rejects; OPD staff their OPD's systems' only. */
    @GetMapping
    List<ObjectNode> list(@RequestParam(required = false) String system,
                          @RequestParam(required = false) String status,
                          @RequestParam(defaultValue = "100") int limit) {
        Caller caller = Caller.current();
        int max = Math.min(Math.max(limit, 1), 1000);
        if (caller.isOperator()) {
            return rejects.list(system, status, max).stream().map(RejectApi::view).toList();
        }
        List<String> systems = system == null ? owners.systemsOf(caller.opdCode())
                : owners.visible(caller, system) ? List.of(system) : List.of();
        return systems.stream().flatMap(s -> rejects.list(s, status, max).stream())
                .sorted(Comparator.comparing(StoredReject::createdAt).reversed()).limit(max)
                .map(RejectApi::view).toList();
    }

    @GetMapping("/{id}")
    ObjectNode one(@PathVariable String id) {
        return view(visible(id));
    }

    /** Another OPD's reject is "not found", like one that does not exist. */
    private StoredReject visible(String id) {
        return rejects.find(id).filter(r -> owners.visible(Caller.current(), r.systemId()))
                .orElseThrow(() -> new NoSuchElementException(id));
    }

    @PostMapping("/{id}/replay")
    ResponseEntity<Replays.Outcome> replay(@PathVariable String id, @RequestBody(required = false) JsonNode body) {
        visible(id);
        JsonNode corrections = body == null ? null : body.path("corrections");
        Map<String, Object> fields = corrections instanceof ObjectNode o ? RecordCodec.read(o) : Map.of();
        Replays.Outcome outcome = replays.replay(id, fields);
        return ResponseEntity.status("OPEN".equals(outcome.status()) ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.OK)
                .body(outcome);
    }

    @ExceptionHandler(NoSuchElementException.class)
    ResponseEntity<Map<String, String>> notFound(NoSuchElementException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "no reject " + e.getMessage()));
    }

    private static ObjectNode view(StoredReject r) {
        ObjectNode n = JSON.createObjectNode();
        n.put("rejectId", r.rejectId());
        n.put("systemId", r.systemId());
        n.put("sourceRef", r.sourceRef());
        n.put("method", r.method());
        n.put("mappingVersion", r.mappingVersion());
        n.put("status", r.status());
        n.put("createdAt", r.createdAt().toString());
        n.put("resolvedAt", r.resolvedAt() == null ? null : r.resolvedAt().toString());
        n.put("messageId", r.messageId());
        try {
            n.set("reasons", JSON.readTree(r.reasons()));
            ObjectNode record = (ObjectNode) JSON.readTree(r.record());
            record.remove("_types");
            n.set("record", record);
        } catch (Exception e) {
            throw new IllegalStateException("reject " + r.rejectId() + " is unreadable", e);
        }
        return n;
    }
}
