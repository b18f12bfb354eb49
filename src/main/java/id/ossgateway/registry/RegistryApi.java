package id.ossgateway.registry;

import id.ossgateway.audit.AuditEntry;
import id.ossgateway.audit.AuditLog;
import id.ossgateway.security.Caller;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import id.ossgateway.registry.check.Verdict;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/opds} and {@code /api/v1/systems}: registration, lifecycle, audit trail. */
@RestController
class RegistryApi {

    private final Registry registry;
    private final PushKeys pushKeys;
    private final ConnectionChecks connections;
    private final OutboundAllowlist allowlist;
    private final AuditLog audit;

    RegistryApi(Registry registry, PushKeys pushKeys, ConnectionChecks connections, OutboundAllowlist allowlist,
                AuditLog audit) {
        this.registry = registry;
        this.pushKeys = pushKeys;
        this.connections = connections;
        this.allowlist = allowlist;
        this.audit = audit;
    }

    /** A real attempt with the settings of a registered system. */
    @PostMapping("/api/v1/systems/{id}/test-connection")
    Verdict testConnection(@PathVariable String id) {
        return connections.test(Caller.current(), id);
    }

    /** A real attempt with settings not registered yet ("test before submitting"). */
    @PostMapping("/api/v1/systems/test-connection")
    Verdict testSettings(@RequestBody SystemRequest request) {
        Caller.current();
        return connections.test(request.kind(), request.settings(), request.secrets());
    }

    @GetMapping("/api/v1/outbound-allowlist")
    List<OutboundAllowlist.Entry> allowlist() {
        return allowlist.entries();
    }

    record AllowRequest(String entry, String note) {
    }

    @PostMapping("/api/v1/outbound-allowlist")
    ResponseEntity<?> allow(@RequestBody AllowRequest request) {
        try {
            allowlist.add(Caller.current().username(), request.entry(), request.note());
            return ResponseEntity.status(HttpStatus.CREATED).body(request);
        } catch (IllegalArgumentException e) {
            return ResponseEntity.badRequest().body(Map.of("errors", List.of(e.getMessage())));
        }
    }

    @DeleteMapping("/api/v1/outbound-allowlist")
    ResponseEntity<Void> disallow(@RequestParam String entry) {
        return allowlist.remove(Caller.current().username(), entry) ? ResponseEntity.noContent().build()
                : ResponseEntity.notFound().build();
    }

    @PostMapping("/api/v1/opds")
    ResponseEntity<Opd> createOpd(@RequestBody Opd opd) {
        return ResponseEntity.status(HttpStatus.CREATED).body(registry.createOpd(Caller.current(), opd));
    }

    @GetMapping("/api/v1/opds")
    List<Opd> opds() {
        return registry.opds(Caller.current());
    }

    @GetMapping("/api/v1/opds/{code}")
    Opd opd(@PathVariable String code) {
        return registry.opd(Caller.current(), code);
    }

    @GetMapping("/api/v1/systems")
    List<OpdSystem> systems(@RequestParam(required = false) String opd) {
        return registry.systems(Caller.current(), opd);
    }

    @PostMapping("/api/v1/systems")
    ResponseEntity<OpdSystem> create(@RequestBody SystemRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(registry.create(Caller.current(), request));
    }

    @GetMapping("/api/v1/systems/{id}")
    OpdSystem system(@PathVariable String id) {
        return registry.system(Caller.current(), id);
    }

    @PutMapping("/api/v1/systems/{id}")
    OpdSystem edit(@PathVariable String id, @RequestBody SystemRequest request) {
        return registry.edit(Caller.current(), id, request);
    }

    record Reason(String reason) {
    }

    @PostMapping("/api/v1/systems/{id}/submit")
    OpdSystem submit(@PathVariable String id) {
        return registry.submit(Caller.current(), id);
    }

    /** What an operator approves: the version of the system they reviewed. */
    record Approval(Integer version) {
    }

    @PostMapping("/api/v1/systems/{id}/approve")
    OpdSystem approve(@PathVariable String id, @RequestBody(required = false) Approval approval) {
        return registry.approve(Caller.current(), id, approval == null ? null : approval.version());
    }

    @PostMapping("/api/v1/systems/{id}/suspend")
    OpdSystem suspend(@PathVariable String id, @RequestBody(required = false) Reason reason) {
        return registry.suspend(Caller.current(), id, reason == null ? null : reason.reason());
    }

    @PostMapping("/api/v1/systems/{id}/resume")
    OpdSystem resume(@PathVariable String id) {
        return registry.resume(Caller.current(), id);
    }

    @PostMapping("/api/v1/systems/{id}/retire")
    OpdSystem retire(@PathVariable String id, @RequestBody(required = false) Reason reason) {
        return registry.retire(Caller.current(), id, reason == null ? null : reason.reason());
    }

    /** A new push API key for a REST_PUSH system: in this answer only; the gateway keeps its hash. */
    @PostMapping("/api/v1/systems/{id}/push-key")
    ResponseEntity<Map<String, String>> pushKey(@PathVariable String id) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(Map.of("systemId", id, "apiKey", pushKeys.issue(Caller.current(), id)));
    }

    @GetMapping("/api/v1/systems/{id}/audit")
    List<AuditEntry> audit(@PathVariable String id) {
        registry.system(Caller.current(), id); // 404 unless visible
        return audit.about(Registry.target(id));
    }

    @ExceptionHandler(RegistryException.class)
    ResponseEntity<Map<String, Object>> refused(RegistryException e) {
        HttpStatus status = switch (e.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
        };
        return ResponseEntity.status(status).body(Map.of("errors", e.reasons()));
    }
}
