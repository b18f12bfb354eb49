package id.ossgateway.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

/** A source is DOWN only after N failed polls in a row, with the last reason; one success resets it. */
class SourceHealthTest {

    private final List<Object> events = new ArrayList<>();
    private final SourceHealth health = new SourceHealth(Clock.fixed(Instant.parse("2026-11-02T02:00:00Z"),
            ZoneOffset.UTC), new SourceHealthProperties(3), events::add);

    @Test
    void aSourceIsDownAfterThreeFailuresInARowWithTheLastReason() {
        health.succeeded("dinkes:permohonan", "12 rows");
        health.failed("dinkes:permohonan", "connection refused");
        health.failed("dinkes:permohonan", "connection refused");
        assertThat(of("dinkes:permohonan").getStatus()).isEqualTo(Status.UP);
        assertThat(of("dinkes:permohonan").getDetails()).containsEntry("consecutiveFailures", 2)
                .containsEntry("reason", "connection refused");

        health.failed("dinkes:permohonan", "password expired");
        Health down = of("dinkes:permohonan");
        assertThat(down.getStatus()).isEqualTo(Status.DOWN);
        assertThat(down.getDetails()).containsEntry("reason", "password expired")
                .containsEntry("consecutiveFailures", 3)
                .containsEntry("lastSuccess", Instant.parse("2026-11-02T02:00:00Z"));

        health.succeeded("dinkes:permohonan", "3 rows");
        assertThat(of("dinkes:permohonan").getStatus()).isEqualTo(Status.UP);
        assertThat(of("dinkes:permohonan").getDetails()).containsEntry("consecutiveFailures", 0)
                .containsEntry("detail", "3 rows");
    }

    @Test
    void eachSourceIsItsOwnComponentAndAForgottenOneLeaves() {
        health.succeeded("a", "ok");
        health.failed("b", "x");
        assertThat(health.stream().map(c -> c.getName()).toList()).containsExactly("a", "b");
        assertThat(health.getContributor("c")).isNull();

        health.forget("b");
        assertThat(health.stream().map(c -> c.getName()).toList()).containsExactly("a");
        assertThat(events).containsExactly(new SourcePolled("a", true), new SourcePolled("b", false),
                new SourceForgotten("b"));
    }

    private Health of(String sourceId) {
        return ((HealthIndicator) health.getContributor(sourceId)).health();
    }
}
