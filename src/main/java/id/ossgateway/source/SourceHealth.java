package id.ossgateway.source;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * How each source's last poll went, reported under {@code /actuator/health} as {@code sources}. A failing
 * source makes the component DOWN with its reason, so operators see "password expired" there, not only in
 * the log. Load balancers and orchestrators should use {@code /actuator/health/readiness} and
 * {@code /liveness}, which leave sources out: one OPD's broken database must not take the gateway away.
 */
@Component("sources")
public class SourceHealth extends AbstractHealthIndicator {

    private final Map<String, Status> statuses = new ConcurrentHashMap<>();
    private final Clock clock;

    public SourceHealth(Clock clock) {
        this.clock = clock;
    }

    public record Status(boolean ok, Instant at, String detail, Instant lastSuccess) {
    }

    public void succeeded(String sourceId, String detail) {
        Instant now = clock.instant();
        statuses.put(sourceId, new Status(true, now, detail, now));
    }

    public void failed(String sourceId, String reason) {
        Status before = statuses.get(sourceId);
        statuses.put(sourceId, new Status(false, clock.instant(), reason, before == null ? null : before.lastSuccess()));
    }

    /** Drops a source that no longer exists (or a problem that was fixed) from the report. */
    public void forget(String sourceId) {
        statuses.remove(sourceId);
    }

    public Map<String, Status> statuses() {
        return new TreeMap<>(statuses);
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        boolean allOk = statuses.values().stream().allMatch(Status::ok);
        (allOk ? builder.up() : builder.down()).withDetails(new TreeMap<>(statuses));
    }
}
