package id.ossgateway.envelope;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.TreeMap;

/**
 * SHA-256 of a document in canonical form (object keys sorted, no whitespace), so two documents with
 * the same content hash alike whatever order a mapping wrote their fields in.
 */
public final class ContentHash {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ContentHash() {
    }

    public static String of(JsonNode document) {
        try {
            byte[] canonical = JSON.writeValueAsBytes(canonical(document));
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String of(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode canonical(JsonNode node) {
        if (node instanceof ObjectNode object) {
            TreeMap<String, JsonNode> sorted = new TreeMap<>();
            for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                sorted.put(name, canonical(object.get(name)));
            }
            ObjectNode copy = JSON.createObjectNode();
            sorted.forEach(copy::set);
            return copy;
        }
        if (node.isArray()) {
            var copy = JSON.createArrayNode();
            node.forEach(item -> copy.add(canonical(item)));
            return copy;
        }
        return node;
    }
}
