/**
 * What operators watch: the gateway's meters for Prometheus ({@code /actuator/prometheus}) and the masking of
 * personal data in structured logs.
 *
 * <p>The features do not know about Micrometer: sources and delivery publish what happened as events
 * ({@code BatchIngested}, {@code RecordDelivered}, {@code RecordDeadLettered}, {@code SourcePolled}) and this
 * package turns them into meters, so the names and tags of all the gateway's meters are in one place, next to
 * the dashboard and alert rules in {@code config/} that depend on them. Queue depths are read from the broker
 * at scrape time. Health stays with its feature ({@code source.SourceHealth}).
 */
package id.ossgateway.observability;
