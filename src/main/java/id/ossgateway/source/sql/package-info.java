/**
 * Legacy SQL databases as sources: incremental keyset polling on a watermark column plus a tie-breaker,
 * through the {@code opd-sql-source} kamelet in {@code routes/kamelets/}.
 */
package id.ossgateway.source.sql;
