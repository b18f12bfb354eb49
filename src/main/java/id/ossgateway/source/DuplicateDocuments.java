package id.ossgateway.source;

import id.ossgateway.envelope.Envelope;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Finds records whose PIA document is one the gateway already holds under another message — the same permit,
 * method and content from another line of the file, another row, or earlier in the batch — so that the source
 * is told {@code DUPLIKAT} with the message it duplicates instead of "accepted" for something never sent.
 * Messages that were discarded do not count: a record sent again after a discard is new.
 */
@Component
class DuplicateDocuments {

    private static final int IN_CHUNK = 500;

    private final NamedParameterJdbcTemplate named;

    DuplicateDocuments(JdbcTemplate jdbc) {
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /** Message id → the earlier message id it duplicates, for the envelopes that are duplicates. */
    Map<String, String> of(List<Envelope> envelopes) {
        Map<String, String> known = new HashMap<>();
        List<String> keys = envelopes.stream().map(Envelope::businessKey).filter(k -> k != null).distinct().toList();
        for (int from = 0; from < keys.size(); from += IN_CHUNK) {
            Map<String, Object> args = Collections.singletonMap("keys", keys.subList(from, Math.min(keys.size(), from + IN_CHUNK)));
            named.query("select business_key, method, content_hash, message_id from message where business_key in (:keys)"
                    + " and state <> 'DISCARDED'", args, rs -> {
                        known.putIfAbsent(key(rs.getString(1), rs.getString(2), rs.getString(3)), rs.getString(4));
                    });
            named.query("select business_key, method, content_hash, message_id from delivered_document"
                    + " where business_key in (:keys)", args, rs -> {
                        known.putIfAbsent(key(rs.getString(1), rs.getString(2), rs.getString(3)), rs.getString(4));
                    });
        }
        Map<String, String> duplicates = new HashMap<>();
        for (Envelope e : envelopes) {
            String key = key(e.businessKey(), e.method().path(), e.contentHash());
            String earlier = known.putIfAbsent(key, e.messageId());
            if (earlier != null && !earlier.equals(e.messageId())) {
                duplicates.put(e.messageId(), earlier);
            }
        }
        return duplicates;
    }

    private static String key(String businessKey, String method, String hash) {
        return businessKey + '\n' + method + '\n' + hash;
    }
}
