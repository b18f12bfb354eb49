package id.ossgateway.secret;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The columns that hold personal data at rest, and the job that brings old rows in line: at start-up every
 * value written in clear (before sealing existed) is sealed, and {@link #reseal} re-seals values of a
 * previous master key after a rotation. Rows are rewritten one batch at a time, each only if it did not
 * change meanwhile, so the job can run beside the running gateway and be interrupted at any point.
 */
@Component
public class SealedColumns {

    /** A sealed column: its table, the key column that names the row, and what values are bound to. */
    public record Column(String table, String key, String column, String boundPrefix) {
    }

    /** The state database's personal-data columns; table and column names are constants, never input. */
    public static final List<Column> COLUMNS = List.of(
            new Column("reject", "reject_id", "record", "reject:"),
            new Column("skipped_record", "skip_id", "record", "skip:"),
            new Column("message_document", "message_id", "document", "message:"),
            new Column("mapping_sample", "system_id", "sample", "mapping-sample:"));

    private static final Logger log = LoggerFactory.getLogger(SealedColumns.class);
    private static final int BATCH = 500;

    private final JdbcTemplate jdbc;
    private final SealedText sealed;

    public SealedColumns(JdbcTemplate jdbc, SealedText sealed) {
        this.jdbc = jdbc;
        this.sealed = sealed;
    }

    /** In the background: on a large journal the scan for clear rows must not hold up the start. */
    @EventListener(ApplicationReadyEvent.class)
    public void sealClearRowsInTheBackground() {
        Thread worker = new Thread(() -> {
            try {
                sealClearRows();
            } catch (RuntimeException e) {
                log.warn("sealing rows stored in clear stopped, the next start goes on: {}", e.toString());
            }
        }, "sealed-columns");
        worker.setDaemon(true);
        worker.start();
    }

    public void sealClearRows() {
        for (Column c : COLUMNS) {
            int n = rewrite(c, false);
            if (n > 0) {
                log.info("sealed {} rows of {}.{} that were stored in clear", n, c.table(), c.column());
            }
        }
    }

    /** Re-seals every value not sealed with the current master key; returns how many rows were rewritten. */
    public int reseal() {
        return COLUMNS.stream().mapToInt(c -> rewrite(c, true)).sum();
    }

    private int rewrite(Column c, boolean oldKeysToo) {
        int total = 0;
        String after = "";
        while (true) {
            String from = after;
            List<String[]> rows = jdbc.query("select " + c.key() + ", " + c.column() + " from " + c.table()
                    + " where " + c.key() + " > ? and " + c.column() + " is not null"
                    + (oldKeysToo ? "" : " and " + c.column() + " not like 'sealed:%'")
                    + " order by " + c.key(), ps -> {
                        ps.setString(1, from);
                        ps.setMaxRows(BATCH);
                    }, (rs, i) -> new String[] {rs.getString(1), rs.getString(2)});
            for (String[] row : rows) {
                if (!sealed.isCurrent(row[1])) {
                    String bound = c.boundPrefix() + row[0];
                    total += jdbc.update("update " + c.table() + " set " + c.column() + " = ? where " + c.key()
                            + " = ? and " + c.column() + " = ?", sealed.seal(sealed.open(row[1], bound), bound),
                            row[0], row[1]);
                }
            }
            if (rows.size() < BATCH) {
                return total;
            }
            after = rows.get(rows.size() - 1)[0];
        }
    }
}
