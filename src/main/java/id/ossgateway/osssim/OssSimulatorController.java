package id.ossgateway.osssim;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The simulated OSS endpoint, {@code POST /oss-sim/v1/kl/rba/{method}}, shaped like the real
 * {@code https://api-prd.oss.go.id/v1/kl/rba/{method}}: point {@code gateway.oss.base-url} at
 * {@code http://localhost:<port>/oss-sim} and the gateway cannot tell the difference. HTTP only;
 * {@link OssSimulator} decides the answer.
 */
@RestController
@RequestMapping("/oss-sim")
@ConditionalOnProperty(prefix = "gateway.osssim", name = "enabled", havingValue = "true")
class OssSimulatorController {

    private final OssSimulator simulator;

    OssSimulatorController(OssSimulator simulator) {
        this.simulator = simulator;
    }

    // the body is taken as bytes so that a body which is not JSON reaches the simulator and gets a PIA reply
    @PostMapping("/v1/kl/rba/{method}")
    ResponseEntity<JsonNode> call(@PathVariable String method, HttpServletRequest request,
                                  @RequestBody(required = false) byte[] body) {
        SimReply reply = simulator.call(method, headers(request), body);
        ResponseEntity.BodyBuilder response = ResponseEntity.status(reply.status()).contentType(MediaType.APPLICATION_JSON);
        if (reply.retryAfterSeconds() != null) {
            response.header(HttpHeaders.RETRY_AFTER, String.valueOf(reply.retryAfterSeconds()));
        }
        return response.body(reply.body());
    }

    private static Map<String, List<String>> headers(HttpServletRequest request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name, Collections.list(request.getHeaders(name)));
        }
        return headers;
    }
}
