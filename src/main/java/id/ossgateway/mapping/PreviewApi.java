package id.ossgateway.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.ossgateway.security.Caller;
import id.ossgateway.security.Role;
import id.ossgateway.security.SystemOwners;
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
 * {@code {"records": [{...}], "mapping": "<optional YAML text>"}} (or {@code "sample"}: CSV or JSON text as in a
 * file, whose results carry the file's line numbers) shows the PIA document each record becomes
 * and every violation, sending nothing. Without {@code mapping}, the mapping in force is used; with it, an
 * edited mapping can be tried before it is saved.
 */
@RestController
class PreviewApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MappingRegistry registry;
    private final MappingPreview preview;
    private final SystemOwners owners;

    PreviewApi(MappingRegistry registry, MappingPreview preview, SystemOwners owners) {
        this.registry = registry;
        this.preview = preview;
        this.owners = owners;
    }

    @PostMapping("/api/v1/mappings/{system}/preview")
    ResponseEntity<JsonNode> preview(@PathVariable String system, @RequestBody JsonNode body) {
        Caller caller = Caller.current();
        if (caller.role() == Role.OPD_STAFF && !owners.visible(caller, system)) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .body(JSON.createObjectNode().put("error", "no mapping loaded for " + system));
        }
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
        List<SampleRows.Row> rows = null;
        if (body.hasNonNull("sample")) { // CSV or JSON text as in a file: results carry the file's line numbers
            try {
                rows = SampleRows.parse(body.get("sample").asText());
            } catch (IllegalArgumentException e) {
                return ResponseEntity.badRequest().body(JSON.createObjectNode().put("error", e.getMessage()));
            }
            rows.forEach(r -> records.add(r.fields()));
        }
        for (JsonNode record : body.path("records")) {
            records.add(record instanceof ObjectNode o ? RecordCodec.read(o) : Map.of());
        }
        ObjectNode out = preview.preview(mapping, records);
        if (rows != null) {
            for (int i = 0; i < rows.size(); i++) {
                ((ObjectNode) out.get("results").get(i)).put("line", rows.get(i).line());
            }
        }
        return ResponseEntity.ok(out);
    }
}
