package id.ossgateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The OpenAPI document the gateway serves is the one in the repository ({@code docs/openapi.json}), so a
 * change to the API shows up in review. After an intended change:
 * {@code ./mvnw verify -Dit.test=OpenApiDocumentIT -Dopenapi.write=true}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class OpenApiDocumentIT {

    private static final Path KEPT = Paths.get("docs/openapi.json");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private static int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        port = GatewayTestSupport.register(registry);
    }

    @Test
    void theServedDocumentDescribesTheApiAndMatchesTheRepository() throws Exception {
        JsonNode served = GatewayTestSupport.get(port, "/v3/api-docs");
        ((ObjectNode) served).remove("servers"); // the test's random port
        String text = JSON.writeValueAsString(JSON.treeToValue(served, Object.class)) + "\n";
        assertThat(served.path("paths").fieldNames()).toIterable().contains("/api/v1/systems",
                "/api/v1/systems/{id}/approve", "/api/v1/opds", "/api/v1/rejects", "/api/v1/inbound/{systemId}",
                "/api/v1/tokens");
        if (Boolean.getBoolean("openapi.write")) {
            Files.createDirectories(KEPT.getParent());
            Files.writeString(KEPT, text);
        }
        assertThat(Files.readString(KEPT)).as("docs/openapi.json is out of date: see this test's Javadoc").isEqualTo(text);
    }
}
