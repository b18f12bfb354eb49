package id.ossgateway.delivery;

import id.ossgateway.GatewayProperties;
import id.ossgateway.envelope.Envelope;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The attempt journal and the idempotency record (what OSS already has). */
@Repository
class AttemptStore {

    private final JdbcTemplate jdbc;
    private final String node;
    private final Clock clock;

    AttemptStore(JdbcTemplate jdbc, GatewayProperties gateway, Clock clock) {
        this.jdbc = jdbc;
        this.node = gateway.nodeId();
        this.clock = clock;
    }

    /** Records that an attempt is about to leave; returns its id. Must be committed before the request. */
    long start(String messageId, int attemptNo) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("insert into delivery_attempt"
                    + " (message_id, attempt_no, started_at, node) values (?, ?, ?, ?)", new String[] {"id"});
            ps.setString(1, messageId);
            ps.setInt(2, attemptNo);
            ps.setTimestamp(3, Timestamp.from(clock.instant()));
            ps.setString(4, node);
            return ps;
        }, key);
        return Objects.requireNonNull(key.getKey()).longValue();
    }

    int nextAttemptNo(String messageId) {
        Integer max = jdbc.queryForObject("select max(attempt_no) from delivery_attempt where message_id = ?",
                Integer.class, messageId);
        return max == null ? 1 : max + 1;
    }

    void finish(long attemptId, AttemptOutcome outcome, Integer httpStatus, Integer kode, String keterangan,
                long latencyMs) {
        jdbc.update("update delivery_attempt set finished_at = ?, outcome = ?, http_status = ?, oss_kode = ?,"
                        + " keterangan = ?, latency_ms = ? where id = ?",
                Timestamp.from(clock.instant()), outcome.name(), httpStatus, kode, truncate(keterangan),
                (int) Math.min(Integer.MAX_VALUE, latencyMs), attemptId);
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
                            + " finished_at = coalesce(finished_at, ?) where id = ?",
                    outcome.name(), truncate(keterangan), now, a.id());
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
        if (deliveredBy(e).isPresent()) {
            return;
        }
        jdbc.update("insert into delivered_document (business_key, method, content_hash, message_id,"
                        + " status_code, delivered_at, nomor_izin) values (?, ?, ?, ?, ?, ?, ?)",
                e.businessKey(), e.method().path(), e.contentHash(), e.messageId(), e.statusCode(),
                Timestamp.from(clock.instant()), nomorIzin);
    }

    /** The message that already delivered this content for this permit, if any. */
    Optional<String> deliveredBy(Envelope e) {
        return jdbc.queryForList("select message_id from delivered_document where business_key = ? and method = ?"
                        + " and content_hash = ?", String.class, e.businessKey(), e.method().path(), e.contentHash())
                .stream().findFirst();
    }

    /** Whether another document of this permit with the same status code reached OSS before. */
    boolean otherDeliveredWithStatus(Envelope e) {
        Integer n = jdbc.queryForObject("select count(*) from delivered_document where business_key = ?"
                        + " and status_code = ? and message_id <> ?", Integer.class,
                e.businessKey(), e.statusCode(), e.messageId());
        return n != null && n > 0;
    }

    private static final org.springframework.jdbc.core.RowMapper<Attempt> ATTEMPT = (rs, i) -> new Attempt(
            rs.getLong("id"), rs.getString("message_id"), rs.getInt("attempt_no"), instant(rs.getTimestamp("started_at")),
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
