package id.ossgateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every role against every endpoint of the API, taken from the OpenAPI document the gateway serves, so a new
 * endpoint cannot slip in without a rule here. Allowed means the request got past authorization (any answer
 * but 401/403, e.g. 400 for the empty body or 404 for the made-up id); refused means 403, or for an
 * anonymous caller 401 (403 where the CSRF check answers first).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class AuthorizationMatrixIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 6);
    private static final String PASSWORD = "matrix-pass-" + RUN;
    private static final List<String> ALL = List.of("OPERATOR", "INTEGRATOR", "OPD_STAFF");
    private static int port;

    /** Who may call what, by method and path (first match wins). */
    private static final Map<String, List<String>> RULES = new LinkedHashMap<>();

    static {
        RULES.put("POST /api/v1/systems/{id}/approve", List.of("OPERATOR"));
        RULES.put("POST /api/v1/systems/{id}/resume", List.of("OPERATOR"));
        RULES.put("POST /api/v1/systems/{id}/retire", List.of("OPERATOR"));
        RULES.put("POST /api/v1/opds", List.of("OPERATOR"));
        RULES.put("* /api/v1/admin/", List.of("OPERATOR"));
        RULES.put("* /api/v1/users", List.of("OPERATOR"));
        RULES.put("* /api/v1/outbound-allowlist", List.of("OPERATOR"));
        RULES.put("* /api/v1/dead-letters", List.of("OPERATOR"));
        RULES.put("* /api/v1/templates", List.of("OPERATOR", "INTEGRATOR"));
        // the mapping editor: OPD staff too, on their own OPD's systems; approving a version is for integrators and
        // operators, which the service decides (MappingEditorIT)
        RULES.put("* /api/v1/mappings/", ALL);
        RULES.put("* /api/v1/opds", List.of("OPERATOR", "OPD_STAFF"));
        RULES.put("* /api/v1/systems", List.of("OPERATOR", "OPD_STAFF"));
        RULES.put("* /api/v1/rejects", List.of("OPERATOR", "OPD_STAFF"));
        RULES.put("* /api/v1/messages", List.of("OPERATOR", "OPD_STAFF"));
        RULES.put("* /api/v1/tokens", ALL);
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        port = GatewayTestSupport.register(registry);
    }

    @Test
    void everyRoleGetsItsAreaOfEveryEndpointAndNothingElse() {
        String admin = GatewayTestSupport.adminToken(port);
        RegistryIT.call(admin, "POST", "/api/v1/opds", Map.of("code", "matrix-" + RUN, "name", "Dinas Matrix"), port);
        for (String[] user : new String[][] {{"staff-" + RUN, "OPD_STAFF"}, {"integrator-" + RUN, "INTEGRATOR"}}) {
            Map<String, Object> body = new LinkedHashMap<>(Map.of("username", user[0], "password", PASSWORD, "role", user[1]));
            if (user[1].equals("OPD_STAFF")) {
                body.put("opdCode", "matrix-" + RUN);
            }
            assertThat(RegistryIT.call(admin, "POST", "/api/v1/users", body, port).statusCode()).isEqualTo(201);
        }
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("OPERATOR", admin);
        tokens.put("INTEGRATOR", GatewayTestSupport.token(port, "integrator-" + RUN, PASSWORD));
        tokens.put("OPD_STAFF", GatewayTestSupport.token(port, "staff-" + RUN, PASSWORD));
        tokens.put("anonymous", null);

        List<String> checked = new ArrayList<>();
        JsonNode paths = GatewayTestSupport.get(port, "/v3/api-docs").path("paths");
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            if (path.getKey().startsWith("/api/v1/inbound/")) {
                continue; // the per-system X-Api-Key, not roles: PushIT and RegistryIT
            }
            for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
                String method = methods.next().toUpperCase();
                List<String> allowed = allowed(method, path.getKey());
                String url = path.getKey().replaceAll("\\{[^}]+}", "none") + (method.equals("DELETE") ? "?entry=none" : "");
                for (Map.Entry<String, String> caller : tokens.entrySet()) {
                    HttpResponse<String> r = RegistryIT.call(caller.getValue(), method, url,
                            method.equals("GET") || method.equals("DELETE") ? null : Map.of(), port);
                    int s = r.statusCode();
                    boolean ok = allowed.contains(caller.getKey()) ? s != 401 && s != 403
                            : caller.getValue() == null ? s == 401 || s == 403 : s == 403;
                    assertThat(ok).as("%s %s as %s: %s %s", method, url, caller.getKey(), s, r.body()).isTrue();
                }
                checked.add(method + " " + path.getKey());
            }
        }
        assertThat(checked).hasSizeGreaterThan(25);
    }

    private static List<String> allowed(String method, String path) {
        for (Map.Entry<String, List<String>> rule : RULES.entrySet()) {
            String[] r = rule.getKey().split(" ", 2);
            boolean methodMatches = r[0].equals("*") || r[0].equals(method);
            boolean pathMatches = r[1].endsWith("/") ? path.startsWith(r[1]) : path.equals(r[1]) || path.startsWith(r[1] + "/")
                    || path.startsWith(r[1] + "?");
            if (methodMatches && pathMatches) {
                return rule.getValue();
            }
        }
        throw new AssertionError("no authorization rule for " + method + " " + path + ": add one to RULES");
    }
}
