package id.ossgateway.journal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes delivered messages older than {@code gateway.journal.retention-days}, with their events and attempts,
 * in batches. Only messages OSS has (DELIVERED, DUPLICATE): what is queued, dead-lettered or discarded stays
 * until someone acts on it. {@code delivered_document} is kept: it is the record of what OSS already has, so a
 * record read again after its message was deleted is still recognised and not sent twice.
 */
@Component
public class JournalRetention {

    private static final Logger LOG = LoggerFactory.getLogger(JournalRetention.class);

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final TransactionTemplate tx;
    private final JournalProperties settings;
    private final Clock clock;

    JournalRetention(JdbcTemplate jdbc, TransactionTemplate tx, JournalProperties settings, Clock clock) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.tx = tx;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${gateway.journal.retention-interval}",
            fixedDelayString = "${gateway.journal.retention-interval}")
    void scheduled() {
        int deleted = purgeDeliveredBefore(clock.instant().minus(Duration.ofDays(settings.retentionDays())));
        if (deleted > 0) {
            LOG.info("journal retention: deleted {} message(s) delivered more than {} days ago", deleted,
                    settings.retentionDays());
        }
    }

    /** Deletes messages delivered before the cutoff, batch by batch; returns how many. */
    public int purgeDeliveredBefore(Instant cutoff) {
        int total = 0;
        while (true) {
            Integer batch = tx.execute(s -> deleteBatch(cutoff));
            total += batch == null ? 0 : batch;
            if (batch == null || batch < settings.retentionBatchSize()) {
                return total;
            }
        }
    }

    private int deleteBatch(Instant cutoff) {
        List<String> ids = jdbc.queryForList("select message_id from message where state in ('DELIVERED', 'DUPLICATE')"
                        + " and state_at < ? order by state_at limit ?", String.class, Timestamp.from(cutoff),
                settings.retentionBatchSize());
        if (ids.isEmpty()) {
            return 0;
        }
        Map<String, List<String>> in = Map.of("ids", ids);
        named.update("delete from journal_event where message_id in (:ids)", in);
        named.update("delete from delivery_attempt where message_id in (:ids)", in);
        named.update("delete from message_document where message_id in (:ids)", in);
        // DELIVERED and DUPLICATE are final (nothing moves a message out of them), so the selected rows stay ours
        return named.update("delete from message where message_id in (:ids) and state in ('DELIVERED', 'DUPLICATE')",
                in);
    }
}
