package id.ossgateway.delivery;

import id.ossgateway.security.Caller;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dead-letter queue for operators: {@code GET /api/v1/dead-letters[?limit=]},
 * {@code POST /api/v1/dead-letters/replay} {@code {"messageIds": [...]}} and
 * {@code POST /api/v1/dead-letters/discard} {@code {"messageIds": [...], "reason": "..."}}. Each answers one
 * outcome per selected message.
 */
@RestController
@RequestMapping("/api/v1/dead-letters")
class DeadLetterApi {

    private final DeadLetterOperations operations;

    DeadLetterApi(DeadLetterOperations operations) {
        this.operations = operations;
    }

    record Selection(List<String> messageIds, String reason) {
    }

    record Outcomes(List<DeadLetterOutcome> results) {
    }

    @GetMapping
    List<DeadLetter> browse(@RequestParam(defaultValue = "100") int limit) {
        return operations.browse(limit);
    }

    @PostMapping("/replay")
    Outcomes replay(@RequestBody Selection selection) {
        return new Outcomes(operations.replay(selection.messageIds(), Caller.current().username()));
    }

    @PostMapping("/discard")
    Outcomes discard(@RequestBody Selection selection) {
        return new Outcomes(operations.discard(selection.messageIds(), selection.reason(), Caller.current().username()));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, String>> badRequest(IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(Map.of("error", String.valueOf(e.getMessage())));
    }
}
