package id.ossgateway.source.sql;

import java.util.regex.Pattern;

/**
 * One legacy SQL source, as the {@code opd-sql-source} kamelet passes it.
 *
 * @param systemId        the OPD system (and mapping) the rows belong to
 * @param dataSource      a DataSource bean by name, or null to connect with {@code jdbcUrl}
 * @param jdbcUrl         JDBC URL of the legacy database (read-only account is enough)
 * @param username        its user
 * @param password        its password (from the environment or a secret store, never a file in the repo)
 * @param query           a SELECT returning the rows; the poller wraps it, so it may join and rename
 * @param watermarkColumn a column that grows with every change (update timestamp or increasing id)
 * @param keyColumn       a unique column that orders rows sharing a watermark value (tie-breaker)
 * @param table           the name used in source references ({@code table:key})
 * @param batchSize       rows per batch; one queue transaction per batch
 * @param maxBatches      batches per poll at most, so a backlog is caught up without one endless poll
 * @param settle          rows whose timestamp watermark is younger than this are left for a later poll: a
 *                        legacy transaction that commits late with an earlier timestamp would otherwise fall
 *                        behind the position and never be read. 0 = off. Needs the database's timestamps in
 *                        {@code gateway.mapping.zone}
 * @param watermarkFormat for a watermark kept as text: its date pattern, which must sort in time order
 *                        ({@code yyyy-MM-dd HH:mm:ss}); null for timestamp and number columns
 * @param markProcessedSql an UPDATE run for every row once its batch is handed over, with the row's key bound
 *                        to {@code :key}; null (the default) = the gateway never writes to the legacy database
 */
public record SqlSourceSpec(
        String systemId,
        String dataSource,
        String jdbcUrl,
        String username,
        String password,
        String query,
        String watermarkColumn,
        String keyColumn,
        String table,
        int batchSize,
        int maxBatches,
        java.time.Duration settle,
        String watermarkFormat,
        String markProcessedSql) {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
    private static final Pattern KEY_PARAMETER = Pattern.compile(":key\\b");

    /** A source that only reads, with no text watermark. */
    public SqlSourceSpec(String systemId, String dataSource, String jdbcUrl, String username, String password,
                         String query, String watermarkColumn, String keyColumn, String table, int batchSize,
                         int maxBatches, java.time.Duration settle) {
        this(systemId, dataSource, jdbcUrl, username, password, query, watermarkColumn, keyColumn, table, batchSize,
                maxBatches, settle, null, null);
    }

    public SqlSourceSpec {
        require(systemId, "systemId");
        require(query, "query");
        if (!IDENTIFIER.matcher(nullToEmpty(watermarkColumn)).matches()) {
            throw new IllegalArgumentException("watermarkColumn must be a plain column name, got '" + watermarkColumn + "'");
        }
        if (!IDENTIFIER.matcher(nullToEmpty(keyColumn)).matches()) {
            throw new IllegalArgumentException("keyColumn must be a plain column name, got '" + keyColumn + "'");
        }
        if ((dataSource == null || dataSource.isBlank()) && (jdbcUrl == null || jdbcUrl.isBlank())) {
            throw new IllegalArgumentException("source " + systemId + ": give dataSource or jdbcUrl");
        }
        if (batchSize < 1 || batchSize > 10_000) {
            throw new IllegalArgumentException("batchSize must be between 1 and 10000");
        }
        maxBatches = Math.max(1, maxBatches);
        settle = settle == null || settle.isNegative() ? java.time.Duration.ZERO : settle;
        table = table == null || table.isBlank() ? systemId : table;
        watermarkFormat = blankToNull(watermarkFormat);
        TextWatermark.of(watermarkFormat); // refuses a format that does not sort, before any row is read
        markProcessedSql = blankToNull(markProcessedSql);
        if (markProcessedSql != null && (!markProcessedSql.strip().toLowerCase(java.util.Locale.ROOT).startsWith("update")
                || !KEY_PARAMETER.matcher(markProcessedSql).find())) {
            throw new IllegalArgumentException("markProcessedSql must be an UPDATE naming the row as :key, e.g."
                    + " update permohonan set kirim_oss = 1 where id = :key");
        }
    }

    /** The text watermark's format, or null when the watermark is a timestamp or a number. */
    TextWatermark textWatermark() {
        return TextWatermark.of(watermarkFormat);
    }

    /** {@link #markProcessedSql} with its {@code :key} parameters as JDBC placeholders. */
    String markProcessedStatement() {
        return markProcessedSql == null ? null : KEY_PARAMETER.matcher(markProcessedSql).replaceAll("?");
    }

    /** How many times the key is bound into {@link #markProcessedStatement()}. */
    int markProcessedKeyCount() {
        return markProcessedSql == null ? 0 : (int) KEY_PARAMETER.matcher(markProcessedSql).results().count();
    }

    private static void require(String v, String name) {
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** The key of this source's position and health: one system may be polled from several tables. */
    public String sourceId() {
        return systemId + ":" + table;
    }

    @Override
    public String toString() { // no password
        return "SqlSourceSpec[" + systemId + " " + (dataSource != null ? "bean " + dataSource : jdbcUrl) + "]";
    }
}
