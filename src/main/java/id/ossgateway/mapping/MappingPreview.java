package id.ossgateway.mapping;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Shows what records become under a mapping — the PIA document or every violation — without sending or
 * recording anything. Shared by the preview of samples and the preview of a SQL source's rows.
 */
@Component
public class MappingPreview {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MappingRegistry registry;

    MappingPreview(MappingRegistry registry) {
        this.registry = registry;
    }

    /** The records under the mapping in force for {@code system}; empty when none is loaded. */
    public Optional<ObjectNode> preview(String system, List<Map<String, Object>> records) {
        return registry.forSystem(system).map(mapping -> preview(mapping, records));
    }

    public ObjectNode preview(Mapping mapping, List<Map<String, Object>> records) {
        ArrayNode results = JSON.createArrayNode();
        for (Map<String, Object> record : records) {
            results.add(describe(registry.mapper().apply(mapping, record)));
        }
        ObjectNode out = JSON.createObjectNode().put("mappingVersion", mapping.version());
        out.set("results", results);
        return out;
    }

    private static ObjectNode describe(MappingResult result) {
        ObjectNode n = JSON.createObjectNode();
        if (result instanceof MappingResult.Mapped m) {
            n.put("outcome", "MAPPED").put("method", m.method().path());
            n.set("document", m.document());
        } else if (result instanceof MappingResult.Rejected r) {
            n.put("outcome", "REJECTED").put("method", r.method() == null ? null : r.method().path());
            n.set("violations", JSON.valueToTree(r.reasons()));
        } else {
            n.put("outcome", "SKIPPED").put("reason", ((MappingResult.Skipped) result).reason());
        }
        return n;
    }
}
