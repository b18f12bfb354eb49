package id.ossgateway.source.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.ossgateway.mapping.MappingPreview;
import id.ossgateway.security.Caller;
import id.ossgateway.security.Role;
import id.ossgateway.security.SystemOwners;
import id.ossgateway.source.SourceRecord;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Dry run of a mapping on real rows: {@code POST /api/v1/mappings/{system}/preview/sql?limit=10} reads the
 * first rows of the system's SQL source (in poll order, from the start) through the mapping in force and
 * shows what each becomes. Nothing is sent, recorded or marked, and the source's position does not move.
 * With several tables per system, {@code table} says which.
 */
@RestController
class SqlPreviewApi {

    static final int MAX_ROWS = 50;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SqlSources sources;
    private final OpdDataSources dataSources;
    private final MappingPreview preview;
    private final SystemOwners owners;

    SqlPreviewApi(SqlSources sources, OpdDataSources dataSources, MappingPreview preview, SystemOwners owners) {
        this.sources = sources;
        this.dataSources = dataSources;
        this.preview = preview;
        this.owners = owners;
    }

    @PostMapping("/api/v1/mappings/{system}/preview/sql")
    ResponseEntity<JsonNode> preview(@PathVariable String system, @RequestParam(defaultValue = "10") int limit,
                                     @RequestParam(required = false) String table) {
        if (limit < 1 || limit > MAX_ROWS) {
            return error(HttpStatus.BAD_REQUEST, "limit must be between 1 and " + MAX_ROWS);
        }
        Caller caller = Caller.current();
        if (caller.role() == Role.OPD_STAFF && !owners.visible(caller, system)) { // the editor: own OPD only
            return error(HttpStatus.NOT_FOUND, "no SQL source of " + system + " has polled since the gateway started");
        }
        List<SqlSourceSpec> specs = sources.ofSystem(system);
        Optional<SqlSourceSpec> spec = specs.stream().filter(s -> table == null || s.table().equals(table)).findFirst();
        if (spec.isEmpty()) {
            return error(HttpStatus.NOT_FOUND, "no SQL source of " + system + (table == null ? "" : " on table " + table)
                    + " has polled since the gateway started");
        }
        if (table == null && specs.size() > 1) {
            return error(HttpStatus.BAD_REQUEST, system + " is polled from several tables, name one: "
                    + String.join(", ", specs.stream().map(SqlSourceSpec::table).toList()));
        }
        List<SourceRecord> rows;
        try {
            rows = KeysetReader.read(dataSources.forSpec(spec.get()), spec.get(), null, limit, null).records();
        } catch (SQLException | RuntimeException e) {
            return error(HttpStatus.BAD_GATEWAY, "cannot read the source: " + e.getMessage());
        }
        List<Map<String, Object>> records = rows.stream().map(SourceRecord::fields).toList();
        Optional<ObjectNode> out = preview.preview(system, records);
        if (out.isEmpty()) {
            return error(HttpStatus.NOT_FOUND, "no mapping loaded for " + system);
        }
        ArrayNode results = (ArrayNode) out.get().get("results");
        for (int i = 0; i < rows.size(); i++) {
            ((ObjectNode) results.get(i)).put("source", rows.get(i).ref().toString());
        }
        out.get().put("source", spec.get().sourceId());
        return ResponseEntity.ok(out.get());
    }

    private static ResponseEntity<JsonNode> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(JSON.createObjectNode().put("error", message));
    }
}
