package id.ossgateway.observability;

import id.ossgateway.source.SourceForgotten;
import id.ossgateway.source.SourceHealth;
import id.ossgateway.source.SourcePolled;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Instant;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Per source, from {@link SourceHealth}:
 *
 * <pre>
 * gateway_source_last_success_seconds{source}   when a poll last succeeded (Unix time; NaN until one did)
 * gateway_source_consecutive_failures{source}   failed polls since the last success
 * </pre>
 *
 * The set of sources changes while the gateway runs (files in {@code config/sources/}, registered systems), so
 * the rows are re-registered whenever that set changes; the values are read from health at scrape time.
 */
@Component
class SourceMeters {

    private final SourceHealth health;
    private final MultiGauge lastSuccess;
    private final MultiGauge failures;
    private volatile Set<String> registered = Set.of();

    SourceMeters(SourceHealth health, MeterRegistry meters) {
        this.health = health;
        this.lastSuccess = MultiGauge.builder("gateway.source.last.success").baseUnit("seconds")
                .description("when the source's last successful poll finished, Unix time").register(meters);
        this.failures = MultiGauge.builder("gateway.source.consecutive.failures")
                .description("failed polls of the source since its last success").register(meters);
    }

    @EventListener
    void on(SourcePolled polled) {
        refreshIfChanged();
    }

    @EventListener
    void on(SourceForgotten forgotten) {
        refreshIfChanged();
    }

    private synchronized void refreshIfChanged() {
        Set<String> sources = health.statuses().keySet();
        if (sources.equals(registered)) {
            return;
        }
        registered = Set.copyOf(sources);
        lastSuccess.register(sources.stream().map(id -> MultiGauge.Row.of(Tags.of("source", id), health,
                h -> lastSuccessSeconds(h, id))).toList(), true);
        failures.register(sources.stream().map(id -> MultiGauge.Row.of(Tags.of("source", id), health,
                h -> {
                    SourceHealth.Status s = h.statuses().get(id);
                    return s == null ? Double.NaN : s.consecutiveFailures();
                })).toList(), true);
    }

    private static double lastSuccessSeconds(SourceHealth health, String id) {
        SourceHealth.Status s = health.statuses().get(id);
        Instant at = s == null ? null : s.lastSuccess();
        return at == null ? Double.NaN : at.toEpochMilli() / 1000.0;
    }
}
