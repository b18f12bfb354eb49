package id.ossgateway.journal;

import id.ossgateway.GatewayProperties;
import id.ossgateway.envelope.Envelope;
import id.ossgateway.envelope.EnvelopeCodec;
import id.ossgateway.secret.SealedText;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Writes and reads the message journal. Writes join the caller's transaction, so a state change and
 * its event are committed together with whatever caused them.
 */
@Repository
public class MessageJournal {

    private static final int IN_CHUNK = 500;
    static final String MESSAGE_COLUMNS = "message_id, direction, opd_code, system_id, source_ref, method,"
            + " business_key, nib, status_code, content_hash, mapping_version, received_at, state, state_at,"
            + " attempts, nomor_izin, last_error";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final String node;
    private final Clock clock;
    private final SealedText sealed;

    public MessageJournal(JdbcTemplate jdbc, GatewayProperties gateway, Clock clock, SealedText sealed) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.node = gateway.nodeId();
        this.clock = clock;
        this.sealed = sealed;
    }

    /**
     * Records envelopes a source has just read, and returns the ones that belong on the queue: the new
     * ones, and those already known but still {@code QUEUED} (a crash may have kept them from the queue;
     * if they are on it twice, delivery suppresses the duplicate). Known ones in any other state are done.
     */
    public List<Envelope> recordAccepted(List<Envelope> envelopes) {
        if (envelopes.isEmpty()) {
            return List.of();
        }
        Map<String, MessageState> known = states(envelopes.stream().map(Envelope::messageId).toList());
        List<Envelope> fresh = new ArrayList<>();
        Map<String, Envelope> toQueue = new LinkedHashMap<>();
        for (Envelope e : envelopes) {
            MessageState state = known.get(e.messageId());
            if (state == null) {
                fresh.add(e);
                known.put(e.messageId(), MessageState.QUEUED); // the same record twice in one batch
                toQueue.put(e.messageId(), e);
            } else if (state == MessageState.QUEUED) {
                toQueue.putIfAbsent(e.messageId(), e);
            }
        }
        insertMessages(fresh);
        return List.copyOf(toQueue.values());
    }

    private void insertMessages(List<Envelope> fresh) {
        if (fresh.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.batchUpdate("insert into message (" + MESSAGE_COLUMNS + ") values"
                        + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'QUEUED', ?, 0, null, null)",
                fresh, fresh.size(), (ps, e) -> {
                    ps.setString(1, e.messageId());
                    ps.setString(2, e.direction().name());
                    ps.setString(3, e.opdCode());
                    ps.setString(4, e.systemId());
                    ps.setString(5, e.sourceRef().toString());
                    ps.setString(6, e.method().path());
                    ps.setString(7, e.businessKey());
                    ps.setString(8, e.nib());
                    ps.setString(9, e.statusCode());
                    ps.setString(10, e.contentHash());
                    ps.setString(11, e.mappingVersion());
                    ps.setTimestamp(12, Timestamp.from(e.receivedAt()));
                    ps.setTimestamp(13, now);
                });
        jdbc.batchUpdate("insert into message_document (message_id, document) values (?, ?)", fresh, fresh.size(),
                (ps, e) -> {
                    ps.setString(1, e.messageId());
                    ps.setString(2, sealDocument(e));
                });
        // RECEIVED, MAPPED and QUEUED are not written as events: the message row holds all they say (see events())
    }

    /** Appends one hop to a message's journey. */
    public void append(String messageId, String event, String detail) {
        jdbc.update("insert into journal_event (message_id, at, event, detail, node) values (?, ?, ?, ?, ?)",
                messageId, Timestamp.from(clock.instant()), event, truncate(detail, 2000), node);
    }

    /** Moves a message to a new state and journals why; why it was dead-lettered or discarded stays on the row. */
    public void transition(String messageId, MessageState state, String event, String detail) {
        boolean keepReason = state == MessageState.DEAD_LETTERED || state == MessageState.DISCARDED;
        jdbc.update("update message set state = ?, state_at = ?, last_error = ? where message_id = ?",
                state.name(), Timestamp.from(clock.instant()), keepReason ? truncate(detail, 1000) : null, messageId);
        append(messageId, event, detail);
    }

    /** Marks a message delivered, keeping OSS's permit number when it returned one. */
    public void markDelivered(String messageId, String nomorIzin, String event, String detail) {
        jdbc.update("update message set state = 'DELIVERED', state_at = ?, nomor_izin = ?, last_error = null"
                + " where message_id = ?", Timestamp.from(clock.instant()), nomorIzin, messageId);
        append(messageId, event, detail);
    }

    /** One hop to append to a message's journey. */
    public record Hop(String messageId, String event, String detail) {
    }

    /** Where a message stands: its state, and since when (for a QUEUED message: when it was (re)queued). */
    public record Standing(MessageState state, Instant since) {
    }

    /** A message the destination accepted: its permit number if one came back, and the attempts it took since it was (re)queued. */
    public record Delivered(String messageId, String nomorIzin, int attempts) {
    }

    /** Appends several hops with one batched statement. */
    public void appendAll(List<Hop> hops) {
        if (hops.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.batchUpdate("insert into journal_event (message_id, at, event, detail, node) values (?, ?, ?, ?, ?)",
                hops, hops.size(), (ps, h) -> {
                    ps.setString(1, h.messageId());
                    ps.setTimestamp(2, now);
                    ps.setString(3, h.event());
                    ps.setString(4, truncate(h.detail(), 2000));
                    ps.setString(5, node);
                });
    }

    /** Where the given messages stand; unknown ids are absent. One query per 500 ids. */
    public Map<String, Standing> standings(List<String> messageIds) {
        Map<String, Standing> standings = new HashMap<>();
        for (int from = 0; from < messageIds.size(); from += IN_CHUNK) {
            List<String> chunk = messageIds.subList(from, Math.min(messageIds.size(), from + IN_CHUNK));
            named.query("select message_id, state, state_at from message where message_id in (:ids)",
                    Collections.singletonMap("ids", chunk), rs -> {
                        standings.put(rs.getString(1), new Standing(MessageState.valueOf(rs.getString(2)),
                                instant(rs, 3)));
                    });
        }
        return standings;
    }

    /** Marks messages delivered, with one batched statement. */
    public void markDelivered(List<Delivered> delivered) {
        if (delivered.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.batchUpdate("update message set state = 'DELIVERED', state_at = ?, nomor_izin = ?, attempts = ?,"
                + " last_error = null where message_id = ?", delivered, delivered.size(), (ps, d) -> {
                    ps.setTimestamp(1, now);
                    ps.setString(2, d.nomorIzin());
                    ps.setInt(3, d.attempts());
                    ps.setString(4, d.messageId());
                });
        // the DELIVERED hop is the attempt row that delivered it (see events())
    }

    /** A transient failure: the attempts made since the message was (re)queued, and the RETRY hop. */
    public void retrying(String messageId, int attempts, String detail) {
        jdbc.update("update message set attempts = ? where message_id = ?", attempts, messageId);
        append(messageId, JournalEvent.RETRY, detail);
    }

    /** Puts a dead-lettered message back in the queue's hands with a fresh attempt budget. */
    public void requeue(String messageId, String event, String detail) {
        jdbc.update("update message set state = 'QUEUED', state_at = ?, attempts = 0, last_error = null"
                + " where message_id = ?", Timestamp.from(clock.instant()), messageId);
        append(messageId, event, detail);
    }

    public Optional<StoredMessage> find(String messageId) {
        return jdbc.query("select " + MESSAGE_COLUMNS + " from message where message_id = ?", MESSAGE, messageId)
                .stream().findFirst();
    }

    /** The envelope as it was accepted, e.g. to replay it. */
    public Optional<Envelope> envelope(String messageId) {
        return jdbc.queryForList("select document from message_document where message_id = ?", String.class, messageId)
                .stream().findFirst().map(stored -> EnvelopeCodec.read(sealed.open(stored, boundTo(messageId))));
    }

    /** The envelope as stored: sealed, since PIA documents (and inbound OSS ones) carry NIK, phone, e-mail. */
    private String sealDocument(Envelope e) {
        return sealed.seal(EnvelopeCodec.write(e), boundTo(e.messageId()));
    }

    /** What a message's sealed document is bound to: it opens on its own row only. */
    public static String boundTo(String messageId) {
        return "message:" + messageId;
    }

    /**
     * A message's journey, in order. The hops that only restate what the rows hold are derived from them rather
     * than written a second time on the hot path: RECEIVED, MAPPED and QUEUED from the message row, DELIVERED
     * from the attempt that delivered it. Every other hop (RETRY, RECONCILED, DUPLICATE, DEAD_LETTERED,
     * REPLAYED, DISCARDED, and those of other directions) is a row of {@code journal_event}.
     */
    public List<JournalEvent> events(String messageId) {
        List<JournalEvent> written = jdbc.query("select id, message_id, at, event, detail, node from journal_event"
                + " where message_id = ? order by id", (rs, i) -> new JournalEvent(rs.getLong(1), rs.getString(2),
                instant(rs, 3), rs.getString(4), rs.getString(5), rs.getString(6)), messageId);
        List<JournalEvent> journey = new ArrayList<>();
        jdbc.query("select received_at, source_ref, method, mapping_version from message where message_id = ?", rs -> {
            Instant received = instant(rs, 1);
            String method = rs.getString(3);
            String version = rs.getString(4);
            journey.add(new JournalEvent(0, messageId, received, JournalEvent.RECEIVED, "from " + rs.getString(2), null));
            journey.add(new JournalEvent(0, messageId, received, JournalEvent.MAPPED,
                    method + (version == null ? "" : " by mapping " + version), null));
            journey.add(new JournalEvent(0, messageId, received, JournalEvent.QUEUED, method, null));
        }, messageId);
        List<JournalEvent> later = new ArrayList<>(written);
        later.addAll(deliveredHops(messageId));
        later.sort(java.util.Comparator.comparing(JournalEvent::at)); // stable: written hops keep their order
        journey.addAll(later);
        return journey;
    }

    private List<JournalEvent> deliveredHops(String messageId) {
        return jdbc.query("select a.finished_at, a.attempt_no, a.oss_kode, a.keterangan, a.latency_ms, a.node,"
                + " m.nomor_izin, m.direction, m.system_id from delivery_attempt a join message m"
                + " on m.message_id = a.message_id where a.message_id = ? and a.outcome = 'DELIVERED'", (rs, i) -> {
                    StringBuilder detail = new StringBuilder("OUTBOUND".equals(rs.getString(8)) ? "OSS" : rs.getString(9));
                    Object kode = rs.getObject(3);
                    if (kode != null) {
                        detail.append(' ').append(kode);
                    }
                    if (rs.getString(4) != null) {
                        detail.append(' ').append(rs.getString(4));
                    }
                    detail.append(" in ").append(rs.getInt(5)).append(" ms, attempt ").append(rs.getInt(2));
                    if (rs.getString(7) != null) {
                        detail.append(", nomor_izin ").append(rs.getString(7));
                    }
                    return new JournalEvent(0, messageId, instant(rs, 1), JournalEvent.DELIVERED, detail.toString(),
                            rs.getString(6));
                }, messageId);
    }

    /** Current states of the given messages; unknown ids are absent. */
    public Map<String, MessageState> states(List<String> messageIds) {
        Map<String, MessageState> states = new HashMap<>();
        for (int from = 0; from < messageIds.size(); from += IN_CHUNK) {
            List<String> chunk = messageIds.subList(from, Math.min(messageIds.size(), from + IN_CHUNK));
            named.query("select message_id, state from message where message_id in (:ids)",
                    Collections.singletonMap("ids", chunk),
                    rs -> {
                        states.put(rs.getString(1), MessageState.valueOf(rs.getString(2)));
                    });
        }
        return states;
    }

    static final RowMapper<StoredMessage> MESSAGE = (rs, i) -> new StoredMessage(
            rs.getString("message_id"), rs.getString("direction"), rs.getString("opd_code"),
            rs.getString("system_id"), rs.getString("source_ref"), rs.getString("method"),
            rs.getString("business_key"), rs.getString("nib"), rs.getString("status_code"),
            rs.getString("content_hash"), rs.getString("mapping_version"), instant(rs, "received_at"),
            MessageState.valueOf(rs.getString("state")), instant(rs, "state_at"), rs.getInt("attempts"),
            rs.getString("nomor_izin"), rs.getString("last_error"));

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
