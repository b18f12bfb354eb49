package id.ossgateway.pia;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Validates PIA request documents against the JSON Schemas generated from the guide's field list
 * ({@code tools/generate-pia-schemas.py}). Real agencies use status codes outside Lampiran 10, so the
 * accepted status codes are a parameter; everything else is the contract as published.
 */
public final class PiaSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<PiaMethod> DOCUMENTS =
            List.of(PiaMethod.RECEIVE_LICENSE_STATUS, PiaMethod.RECEIVE_LICENSE, PiaMethod.UPDATE_LICENSE);

    /**
     * Requests towards OSS that have a generated schema but no delivery of their own yet, by method: so far
     * {@code inqueryNIB}, the one request of the guide that carries an NPWP.
     */
    private static final List<String> QUERIES = List.of("inqueryNIB");

    private static final Map<PiaMethod, JsonNode> FIELDS_SOURCE = new EnumMap<>(PiaMethod.class);

    static {
        for (PiaMethod method : DOCUMENTS) {
            FIELDS_SOURCE.put(method, read("/pia/schema/" + method.path() + ".schema.json"));
        }
    }

    private final Map<PiaMethod, JsonNode> sources = new EnumMap<>(PiaMethod.class);
    private final Map<PiaMethod, JsonSchema> schemas = new EnumMap<>(PiaMethod.class);
    private final Map<String, JsonSchema> querySchemas = new java.util.HashMap<>();
    private final Map<String, JsonNode> querySources = new java.util.HashMap<>();

    private PiaSchemas(Collection<String> statusCodes) {
        JsonMetaSchema meta = JsonMetaSchema.builder(JsonMetaSchema.getV202012()).formats(PiaFormats.all()).build();
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                builder -> builder.metaSchema(meta));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(com.networknt.schema.PathType.LEGACY)
                .formatAssertionsEnabled(true).build();
        for (PiaMethod method : DOCUMENTS) {
            ObjectNode schema = (ObjectNode) read("/pia/schema/" + method.path() + ".schema.json");
            if (statusCodes != null) {
                widenStatusCodes(schema, method, statusCodes);
            }
            sources.put(method, schema);
            schemas.put(method, factory.getSchema(schema, config));
        }
        for (String query : QUERIES) {
            JsonNode schema = read("/pia/schema/" + query + ".schema.json");
            querySources.put(query, schema);
            querySchemas.put(query, factory.getSchema(schema, config));
        }
    }

    /** The schemas exactly as generated from the guide (status codes of Lampiran 10). */
    public static PiaSchemas published() {
        return new PiaSchemas(null);
    }

    /** The schemas with the status code list replaced by the configured one. */
    public static PiaSchemas withStatusCodes(Collection<String> statusCodes) {
        return new PiaSchemas(statusCodes);
    }

    /** The fields of a document, dotted for nested objects ({@code data_pnbp.kd_akun}). */
    public static java.util.Set<String> fieldNames(PiaMethod method) {
        JsonNode fields = FIELDS_SOURCE.get(method).path("properties").path(method.wrapper()).path("properties");
        java.util.Set<String> names = new java.util.TreeSet<>();
        fields.fields().forEachRemaining(f -> {
            names.add(f.getKey());
            f.getValue().path("properties").fieldNames().forEachRemaining(n -> names.add(f.getKey() + "." + n));
        });
        return names;
    }

    /** The JSON Schema in force for a method, e.g. to publish it or show it in the console. */
    public JsonNode schema(PiaMethod method) {
        return sources.get(method);
    }

    /**
     * All broken rules of a request body ({@code {"IZINSTATUS": {...}}}), ordered by field. Messages
     * name the field and the rule, never the value, because fields may hold personal data.
     */
    public List<Violation> validate(PiaMethod method, JsonNode body) {
        JsonSchema schema = schemas.get(method);
        if (schema == null) {
            throw new IllegalArgumentException(method + " is not a document the gateway delivers");
        }
        return violations(schema, method.wrapper(), body, sources.get(method));
    }

    /**
     * All broken rules of a request that is not a delivered document, by its method name
     * ({@code inqueryNIB} with {@code {"INQUERYNIB": {...}}}).
     */
    public List<Violation> validate(String method, JsonNode body) {
        JsonSchema schema = querySchemas.get(method);
        if (schema == null) {
            throw new IllegalArgumentException(method + " has no schema; known: " + QUERIES);
        }
        JsonNode source = querySources.get(method);
        String wrapper = source.path("properties").fieldNames().next();
        return violations(schema, wrapper, body, source);
    }

    private static List<Violation> violations(JsonSchema schema, String wrapper, JsonNode body, JsonNode source) {
        return schema.validate(body).stream()
                .map(m -> toViolation(wrapper, m, source))
                .sorted(Comparator.comparing(Violation::field).thenComparing(Violation::rule))
                .toList();
    }

    private static Violation toViolation(String wrapper, ValidationMessage m, JsonNode source) {
        String field = fieldName(wrapper, m);
        JsonNode rule = m.getSchemaNode();
        String type = m.getType();
        String message = switch (type) {
            case "required" -> "is required";
            case "minLength" -> "must not be empty";
            case "maxLength" -> "is " + m.getInstanceNode().asText().codePoints().count() + " characters, at most "
                    + rule.asInt() + " allowed";
            case "pattern" -> "must be " + describe(m, source, "match " + rule.asText());
            case "enum" -> "is not an accepted code (" + String.join(", ", codes(rule)) + ")";
            case "format" -> "must be " + describe(m, source, "a valid " + rule.asText());
            case "type" -> "must be of type " + rule;
            case "additionalProperties" -> "is not a field of " + wrapper;
            case "maximum" -> "must be at most " + rule.asText();
            default -> m.getMessage();
        };
        return new Violation(field, type, message);
    }

    private static String fieldName(String wrapper, ValidationMessage m) {
        String path = m.getInstanceLocation().toString().replaceFirst("^\\$\\.?", "");
        if (m.getProperty() != null && ("required".equals(m.getType()) || "additionalProperties".equals(m.getType()))) {
            path = path.isEmpty() ? m.getProperty() : path + "." + m.getProperty();
        }
        String prefix = wrapper + ".";
        return path.startsWith(prefix) ? path.substring(prefix.length()) : path;
    }

    /** Prefers the human description the generator wrote beside a rule (e.g. "NIB: 13 digits"). */
    private static String describe(ValidationMessage m, JsonNode source, String fallback) {
        // the location points at the keyword (.../nib/pattern); its parent holds the field's description
        String pointer = m.getSchemaLocation().getFragment().toString();
        String parent = pointer.substring(0, Math.max(0, pointer.lastIndexOf('/')));
        JsonNode description = source.at(parent).path("description");
        return description.isTextual() ? description.asText() : fallback;
    }

    private static List<String> codes(JsonNode enumNode) {
        return enumNode instanceof ArrayNode array
                ? java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList()
                : List.of(enumNode.asText());
    }

    private static void widenStatusCodes(ObjectNode schema, PiaMethod method, Collection<String> codes) {
        ObjectNode fields = (ObjectNode) schema.path("properties").path(method.wrapper()).path("properties");
        ObjectNode status = (ObjectNode) fields.get(method.statusField());
        ArrayNode list = status.putArray("enum");
        codes.stream().sorted().forEach(list::add);
    }

    private static JsonNode read(String resource) {
        try (InputStream in = PiaSchemas.class.getResourceAsStream(resource)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
