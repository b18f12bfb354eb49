package id.ossgateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import id.ossgateway.source.SourceHealth;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Route files in {@code routes/} change while the gateway runs: a good new version replaces the running one,
 * a broken one is refused and the previous version keeps running.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class RouteReloadIT {

    private static final Path ROUTES = tempDir();
    private static final Path FILE = ROUTES.resolve("it-reload.camel.yaml");

    @Autowired
    CamelContext camel;
    @Autowired
    SourceHealth health;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        GatewayTestSupport.register(registry);
        Files.writeString(FILE, route("v1", "log:it-reload"));
        registry.add("gateway.routes-dir", ROUTES::toString);
    }

    @Test
    void aBrokenRouteFileIsRefusedAndTheRunningVersionStays() throws IOException {
        await().atMost(Duration.ofSeconds(30)).until(() -> description().equals("v1"));

        write(FILE, "- route:\n    id: it-reload\n    from: [ this is : not yaml\n");
        awaitRefused(""); // the reload looked at the broken file, then:
        assertStillRunning("v1");
        write(FILE, route("v2", "log:it-reload")); // a good version is taken
        await().atMost(Duration.ofSeconds(30)).until(() -> description().equals("v2")
                && !health.statuses().containsKey(KEY));

        write(FILE, route("v3", "no-such-component:x")); // parses, cannot start
        assertThat(awaitRefused("no-such-component")).contains("no-such-component");
        assertStillRunning("v2");
        write(FILE, route("v4", "log:it-reload"));
        // the refusal is forgotten after the new version runs: wait for both
        await().atMost(Duration.ofSeconds(30)).until(() -> description().equals("v4")
                && !health.statuses().containsKey(KEY));
    }

    private static final String KEY = "routes/it-reload.camel.yaml";

    /** Waits until the reload has refused the file; returns the reason. */
    private String awaitRefused(String because) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> health.statuses().containsKey(KEY)
                ? String.valueOf(health.statuses().get(KEY).detail()) : "", d -> d.contains(because));
    }

    /** Replaces a watched file at once (temp name, then rename), so a reload never reads it half-written. */
    private static void write(Path file, String content) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temp, content);
        Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private void assertStillRunning(String version) {
        // a refused version briefly replaces the running one before it is restored: the window is generous
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(20)).until(() -> {
            Route route = camel.getRoute("it-reload");
            return route != null && version.equals(route.getDescription())
                    && camel.getRouteController().getRouteStatus("it-reload") == ServiceStatus.Started;
        });
    }

    private String description() {
        Route route = camel.getRoute("it-reload");
        return route == null ? "" : String.valueOf(route.getDescription());
    }

    private static String route(String version, String to) {
        return """
                - route:
                    id: it-reload
                    description: %s
                    from:
                      uri: "timer:it-reload?period=500"
                      steps:
                        - to: "%s"
                """.formatted(version, to);
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("route-reload-it");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
