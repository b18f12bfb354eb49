package id.ossgateway.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shipped alert rules are valid for Prometheus ({@code promtool check rules}) and fire when they should
 * ({@code promtool test rules} with {@code config/prometheus/oss-gateway-alerts.test.yml}). Needs promtool (Debian's
 * {@code prometheus} package): skipped when it is missing, except in CI ({@code CI=true}), where a skipped check
 * proves nothing. That the metrics they use exist is ObservabilityIT's job.
 */
class PrometheusRulesTest {

    private static final Path RULES = Path.of("config/prometheus/oss-gateway-alerts.yml");
    private static final Path RULE_TESTS = Path.of("config/prometheus/oss-gateway-alerts.test.yml");

    @Test
    void theAlertRulesAreValid() throws Exception {
        assertThat(promtool("check", "rules", RULES.toString())).contains("SUCCESS: 4 rules found");
    }

    @Test
    void theAlertsFireWhenTheyShouldAndNotBefore() throws Exception {
        assertThat(promtool("test", "rules", RULE_TESTS.toString())).contains("SUCCESS");
    }

    private static String promtool(String... args) throws IOException, InterruptedException {
        Path promtool = find();
        Process p = new ProcessBuilder(Stream.concat(Stream.of(promtool.toString()), Stream.of(args)).toList())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("promtool finished").isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    private static Path find() {
        List<Path> found = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(dir -> Path.of(dir, "promtool")).filter(Files::isExecutable).toList();
        if (found.isEmpty() && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("promtool is required in CI (apt-get install prometheus) but not on PATH");
        }
        assumeTrue(!found.isEmpty(), "promtool not on PATH, skipped outside CI");
        return found.get(0);
    }
}
