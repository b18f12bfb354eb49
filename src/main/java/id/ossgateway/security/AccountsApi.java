package id.ossgateway.security;

import id.ossgateway.audit.AuditLog;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Users (operators only) and API tokens (everyone, for themselves). */
@RestController
class AccountsApi {

    private final GatewayUsers users;
    private final AuditLog audit;

    AccountsApi(GatewayUsers users, AuditLog audit) {
        this.users = users;
        this.audit = audit;
    }

    record NewUser(String username, String password, Role role, String opdCode) {
    }

    @PostMapping("/api/v1/users")
    ResponseEntity<?> create(@RequestBody NewUser request) {
        try {
            GatewayUsers.User user = users.create(request.username(), request.password(), request.role(),
                    request.opdCode());
            audit.record(Caller.current().username(), "user.created", "user:" + user.username(),
                    user.role() + (user.opdCode() == null ? "" : " of " + user.opdCode()));
            return ResponseEntity.status(HttpStatus.CREATED).body(user);
        } catch (IllegalArgumentException e) {
            return ResponseEntity.badRequest().body(Map.of("errors", List.of(e.getMessage())));
        }
    }

    @GetMapping("/api/v1/users")
    List<GatewayUsers.User> list() {
        return users.list();
    }

    record NewToken(String name) {
    }

    /** The token is in this answer only; the gateway keeps its hash. */
    @PostMapping("/api/v1/tokens")
    ResponseEntity<Map<String, String>> token(@RequestBody(required = false) NewToken request) {
        Caller caller = Caller.current();
        String name = request == null || request.name() == null ? "api" : request.name();
        String token = users.issueToken(caller.username(), name);
        audit.record(caller.username(), "token.issued", "user:" + caller.username(), name);
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("token", token, "name", name));
    }
}
