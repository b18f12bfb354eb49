package id.ossgateway.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.ossgateway.source.RecordCodec;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Dry run of a mapping: {@code POST /api/v1/mappings/{system}/preview} with
 * {@code {"records": [{...}], "mapping": "<optional YAML text>"}} shows the PIA document each record becomes
 * and every violation, sending nothing. Without {@code mapping}, the mapping in force is used; with it, an
 * edited mapping can be tried before it is saved.
 */
@RestController
class PreviewApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MappingRegistry registry;
    private final MappingPreview preview;

    PreviewApi(MappingRegistry registry, MappingPreview preview) {
        this.registry = registry;
        this.preview = preview;
    }

    @PostMapping("/api/v1/mappings/{system}/preview")
    ResponseEntity<JsonNode> preview(@PathVariable String system, @RequestBody JsonNode body) {
        Mapping mapping;
        try {
            mapping = body.hasNonNull("mapping")
                    ? MappingLoader.parse(Paths.get(system + ".yaml"), body.get("mapping").asText())
                    : registry.forSystem(system).orElse(null);
        } catch (MappingException e) {
            return ResponseEntity.badRequest().body(JSON.createObjectNode().put("error", e.getMessage())
                    .put("line", e.line()).put("field", e.field()));
        }
        if (mapping == null) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .body(JSON.createObjectNode().put("error", "no mapping loaded for " + system));
        }
        List<Map<String, Object>> records = new ArrayList<>();
        for (JsonNode record : body.path("records")) {
            records.add(record instanceof ObjectNode o ? RecordCodec.read(o) : Map.of());
        }
        return ResponseEntity.ok(preview.preview(mapping, records));
    }
}
