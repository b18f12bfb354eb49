package id.ossgateway.source;

import id.ossgateway.privacy.PersonalData;

import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.NamedContributor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * How each source's polls go, reported under {@code /actuator/health} as {@code sources}: one component per
 * source, DOWN with the reason once it has failed {@code gateway.sources.health.failures-before-down} times in
 * a row, so operators see "password expired" there, not only in the log, and one failed poll of a flaky OPD
 * database does not page anyone. Load balancers and orchestrators should use {@code /actuator/health/readiness}
 * and {@code /liveness}, which leave sources out: one OPD's broken database must not take the gateway away.
 */
@Component("sources")
public class SourceHealth implements CompositeHealthContributor {

    private final Map<String, Status> statuses = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int failuresBeforeDown;
    private final ApplicationEventPublisher events;

    public SourceHealth(Clock clock, SourceHealthProperties properties, ApplicationEventPublisher events) {
        this.clock = clock;
        this.failuresBeforeDown = properties.failuresBeforeDown();
        this.events = events;
    }

    /**
     * @param ok                  whether the last poll succeeded
     * @param detail              the last poll's summary, or its failure reason
     * @param lastSuccess         when a poll last succeeded; null if none did since the gateway started
     * @param consecutiveFailures failed polls since the last success
     */
    public record Status(boolean ok, Instant at, String detail, Instant lastSuccess, int consecutiveFailures) {
    }

    public void succeeded(String sourceId, String detail) {
        Instant now = clock.instant();
        statuses.put(sourceId, new Status(true, now, detail, now, 0));
        events.publishEvent(new SourcePolled(sourceId, true));
    }

    public void failed(String sourceId, String reason) {
        // a database's error text may quote a record's values; health is shown to operators and logged
        String shown = PersonalData.redact(reason);
        statuses.compute(sourceId, (id, before) -> new Status(false, clock.instant(), shown,
                before == null ? null : before.lastSuccess(), before == null ? 1 : before.consecutiveFailures() + 1));
        events.publishEvent(new SourcePolled(sourceId, false));
    }

    /** Drops a source that no longer exists (or a problem that was fixed) from the report. */
    public void forget(String sourceId) {
        if (statuses.remove(sourceId) != null) {
            events.publishEvent(new SourceForgotten(sourceId));
        }
    }

    public Map<String, Status> statuses() {
        return new TreeMap<>(statuses);
    }

    /** True when the source has failed often enough in a row to count as down. */
    public boolean isDown(Status status) {
        return status.consecutiveFailures() >= failuresBeforeDown;
    }

    @Override
    public HealthContributor getContributor(String sourceId) {
        return statuses.containsKey(sourceId) ? indicator(sourceId) : null;
    }

    @Override
    public Iterator<NamedContributor<HealthContributor>> iterator() {
        return statuses().keySet().stream()
                .map(id -> NamedContributor.of(id, (HealthContributor) indicator(id)))
                .iterator();
    }

    private HealthIndicator indicator(String sourceId) {
        return () -> {
            Status s = statuses.get(sourceId);
            if (s == null) {
                return Health.unknown().withDetail("detail", "no longer configured").build();
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("lastPoll", s.at());
            if (s.lastSuccess() != null) {
                details.put("lastSuccess", s.lastSuccess());
            }
            details.put("consecutiveFailures", s.consecutiveFailures());
            details.put(s.ok() ? "detail" : "reason", s.detail());
            return (isDown(s) ? Health.down() : Health.up()).withDetails(details).build();
        };
    }
}
