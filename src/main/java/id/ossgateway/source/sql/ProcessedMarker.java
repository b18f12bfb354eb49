package id.ossgateway.source.sql;

import id.ossgateway.source.SourcePosition;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * The optional "mark processed" write-back: some legacy systems show an officer which permits reached OSS
 * by a flag column. Only a source configured with {@code markProcessedSql} ever writes; all others stay on
 * read-only connections.
 */
final class ProcessedMarker {

    private ProcessedMarker() {
    }

    /** Runs the source's UPDATE once per row key, all rows in one transaction; nothing without markProcessedSql. */
    static void mark(DataSource ds, SqlSourceSpec spec, List<Object> keys)
            throws SQLException {
        if (spec.markProcessedSql() == null || keys.isEmpty()) {
            return;
        }
        try (Connection c = ds.getConnection()) {
            c.setReadOnly(false); // the pool hands out read-only connections; Hikari resets this on return
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(spec.markProcessedStatement())) {
                for (Object key : keys) {
                    Object bindable = SourcePosition.Value.of(key).bindable();
                    for (int i = 1; i <= spec.markProcessedKeyCount(); i++) {
                        ps.setObject(i, bindable);
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }
}
