package id.ossgateway.delivery;

import id.ossgateway.GatewayProperties;
import id.ossgateway.envelope.Envelope;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The attempt journal and the idempotency record (what OSS already has). */
@Repository
class AttemptStore {

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final String node;
    private final Clock clock;

    AttemptStore(JdbcTemplate jdbc, GatewayProperties gateway, Clock clock) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.node = gateway.nodeId();
        this.clock = clock;
    }

    /** Records that attempts are about to leave (one batched statement). Must be committed before the requests. */
    void start(List<AttemptKey> keys) {
        if (keys.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.batchUpdate("insert into delivery_attempt (message_id, attempt_no, started_at, node) values (?, ?, ?, ?)",
                keys, keys.size(), (ps, k) -> {
                    ps.setString(1, k.messageId());
                    ps.setInt(2, k.attemptNo());
                    ps.setTimestamp(3, now);
                    ps.setString(4, node);
                });
    }

    /** An attempt of a message: its number is unique per message. */
    record AttemptKey(String messageId, int attemptNo) {
    }

    /** What came of an attempt. */
    record Finished(AttemptKey attempt, AttemptOutcome outcome, Integer httpStatus, Integer kode, String keterangan,
                    long latencyMs) {
    }

    void finish(AttemptKey attempt, AttemptOutcome outcome, Integer httpStatus, Integer kode, String keterangan,
                long latencyMs) {
        finish(List.of(new Finished(attempt, outcome, httpStatus, kode, keterangan, latencyMs)));
    }

    /** Records the outcomes of attempts (one batched statement). */
    void finish(List<Finished> finished) {
        if (finished.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.batchUpdate("update delivery_attempt set finished_at = ?, outcome = ?, http_status = ?, oss_kode = ?,"
                + " keterangan = ?, latency_ms = ? where message_id = ? and attempt_no = ?", finished, finished.size(),
                (ps, f) -> {
                    ps.setTimestamp(1, now);
                    ps.setString(2, f.outcome().name());
                    ps.setObject(3, f.httpStatus(), java.sql.Types.INTEGER);
                    ps.setObject(4, f.kode(), java.sql.Types.INTEGER);
                    ps.setString(5, truncate(f.keterangan()));
                    ps.setInt(6, (int) Math.min(Integer.MAX_VALUE, f.latencyMs()));
                    ps.setString(7, f.attempt().messageId());
                    ps.setInt(8, f.attempt().attemptNo());
                });
    }

    /** The attempts of each of the given messages, in order; messages without attempts are absent. */
    Map<String, List<Attempt>> attemptsOf(List<String> messageIds) {
        Map<String, List<Attempt>> byMessage = new HashMap<>();
        if (!messageIds.isEmpty()) {
            named.query("select * from delivery_attempt where message_id in (:ids) order by message_id, attempt_no",
                    Collections.singletonMap("ids", messageIds), rs -> {
                        Attempt a = ATTEMPT.mapRow(rs, 0);
                        byMessage.computeIfAbsent(a.messageId(), k -> new ArrayList<>()).add(a);
                    });
        }
        return byMessage;
    }

    /** Attempts whose fate OSS must be asked about: no outcome recorded, or a timeout. */
    List<Attempt> unresolved(String messageId) {
        return jdbc.query("select * from delivery_attempt where message_id = ?"
                + " and (outcome is null or outcome = 'UNKNOWN') order by attempt_no", ATTEMPT, messageId);
    }

    void resolve(List<Attempt> attempts, AttemptOutcome outcome, String keterangan) {
        Timestamp now = Timestamp.from(clock.instant());
        for (Attempt a : attempts) {
            jdbc.update("update delivery_attempt set outcome = ?, keterangan = ?,"
                            + " finished_at = coalesce(finished_at, ?) where message_id = ? and attempt_no = ?",
                    outcome.name(), truncate(keterangan), now, a.messageId(), a.attemptNo());
        }
    }

    List<Attempt> history(String messageId) {
        return jdbc.query("select * from delivery_attempt where message_id = ? order by attempt_no", ATTEMPT,
                messageId);
    }

    /**
     * Records that OSS has this content for this permit, unless it is recorded already. Copies of one
     * document share a message group, so they never race here; if they ever did, the primary key fails
     * the transaction and the retry finds the row.
     */
    void recordDelivered(Envelope e, String nomorIzin) {
        recordDelivered(List.of(new Accepted(e, nomorIzin)));
    }

    /** A document the destination accepted, with the permit number OSS returned, if any. */
    record Accepted(Envelope envelope, String nomorIzin) {
    }

    /** {@link #recordDelivered(Envelope, String)} for several documents: one query and one batched insert. */
    void recordDelivered(List<Accepted> documents) {
        Map<String, String> known = deliveredBy(documents.stream().map(Accepted::envelope).toList());
        Set<String> seen = new HashSet<>();
        List<Accepted> fresh = documents.stream()
                .filter(d -> !known.containsKey(d.envelope().messageId()) && seen.add(key(d.envelope()))).toList();
        if (fresh.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.batchUpdate("insert into delivered_document (business_key, method, content_hash, message_id,"
                        + " status_code, delivered_at, nomor_izin) values (?, ?, ?, ?, ?, ?, ?)", fresh, fresh.size(),
                (ps, d) -> {
                    Envelope e = d.envelope();
                    ps.setString(1, e.businessKey());
                    ps.setString(2, e.method().path());
                    ps.setString(3, e.contentHash());
                    ps.setString(4, e.messageId());
                    ps.setString(5, e.statusCode());
                    ps.setTimestamp(6, now);
                    ps.setString(7, d.nomorIzin());
                });
    }

    /** The message that already delivered this content for this permit, if any. */
    Optional<String> deliveredBy(Envelope e) {
        return Optional.ofNullable(deliveredBy(List.of(e)).get(e.messageId()));
    }

    /**
     * For each envelope whose content OSS already has for its permit: its message id → the message that
     * delivered that content. One query per 500 permits.
     */
    Map<String, String> deliveredBy(List<Envelope> envelopes) {
        Map<String, List<Envelope>> byKey = new HashMap<>();
        for (Envelope e : envelopes) {
            if (e.businessKey() != null) {
                byKey.computeIfAbsent(key(e), k -> new ArrayList<>()).add(e);
            }
        }
        Map<String, String> delivered = new HashMap<>();
        List<String> permits = envelopes.stream().map(Envelope::businessKey).filter(Objects::nonNull).distinct().toList();
        for (int from = 0; from < permits.size(); from += 500) {
            named.query("select business_key, method, content_hash, message_id from delivered_document"
                            + " where business_key in (:keys)",
                    Collections.singletonMap("keys", permits.subList(from, Math.min(permits.size(), from + 500))), rs -> {
                        List<Envelope> same = byKey.get(rs.getString(1) + '\n' + rs.getString(2) + '\n' + rs.getString(3));
                        if (same != null) {
                            String by = rs.getString(4);
                            same.forEach(e -> delivered.put(e.messageId(), by));
                        }
                    });
        }
        return delivered;
    }

    private static String key(Envelope e) {
        return e.businessKey() + '\n' + e.method().path() + '\n' + e.contentHash();
    }

    /** Whether another document of this permit with the same status code reached OSS before. */
    boolean otherDeliveredWithStatus(Envelope e) {
        Integer n = jdbc.queryForObject("select count(*) from delivered_document where business_key = ?"
                        + " and status_code = ? and message_id <> ?", Integer.class,
                e.businessKey(), e.statusCode(), e.messageId());
        return n != null && n > 0;
    }

    private static final org.springframework.jdbc.core.RowMapper<Attempt> ATTEMPT = (rs, i) -> new Attempt(
            rs.getString("message_id"), rs.getInt("attempt_no"), instant(rs.getTimestamp("started_at")),
            instant(rs.getTimestamp("finished_at")),
            rs.getString("outcome") == null ? null : AttemptOutcome.valueOf(rs.getString("outcome")),
            (Integer) rs.getObject("http_status", Integer.class), (Integer) rs.getObject("oss_kode", Integer.class),
            rs.getString("keterangan"), (Integer) rs.getObject("latency_ms", Integer.class), rs.getString("node"));

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 500 ? text : text.substring(0, 499) + "…";
    }
}
