/**
 * OPD JSON APIs as sources: polled on a schedule with authentication, an incremental parameter
 * ({@code updated_since} or a cursor) whose position is kept like a SQL watermark, and paging, through the
 * {@code opd-rest-source} kamelet in {@code routes/kamelets/}.
 */
package id.ossgateway.source.rest;
