package id.ossgateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.ossgateway.GatewayApplication;
import id.ossgateway.registry.Opd;
import id.ossgateway.registry.Registry;
import id.ossgateway.registry.SystemKind;
import id.ossgateway.registry.SystemRequest;
import id.ossgateway.registry.SystemState;
import id.ossgateway.security.Caller;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An approved system lives in the state database: after a restart of the gateway on the same data, its
 * source runs again without anyone touching it.
 */
class RegistryRestartIT {

    @Test
    void anApprovedSystemRunsAgainAfterARestart(@TempDir Path work) throws Exception {
        Path mappings = Files.createDirectories(work.resolve("mappings"));
        Files.writeString(mappings.resolve("restart-drop.yaml"), Files.readString(
                Paths.get("src/test/resources/it/mappings/it-feed.yaml")).replace("system: it-feed", "system: restart-drop"));
        Files.createDirectories(work.resolve("routes"));
        Path folder = Files.createDirectories(work.resolve("data/drop/restart-drop")); // the OPD's drop folder
        Map<String, Object> settings = settings(work, mappings);

        try (ConfigurableApplicationContext first = start(settings)) {
            Registry registry = first.getBean(Registry.class);
            registry.createOpd(Caller.SYSTEM, new Opd("dinkes-restart", "Dinas Kesehatan", null, null, null, null));
            registry.create(Caller.SYSTEM, new SystemRequest("restart-drop", "dinkes-restart", "Folder", SystemKind.FOLDER,
                    Map.of("path", "restart-drop", "delimiter", ";"), Map.of(), 1000L));
            int version = registry.submit(Caller.SYSTEM, "restart-drop").version();
            assertThat(registry.approve(Caller.SYSTEM, "restart-drop", version).state()).isEqualTo(SystemState.ACTIVE);
            assertThat(first.getBean(CamelContext.class).getRoute("restart-drop")).isNotNull();
        }

        try (ConfigurableApplicationContext second = start(settings)) {
            CamelContext camel = second.getBean(CamelContext.class);
            await().atMost(Duration.ofSeconds(20)).until(() -> camel.getRoute("restart-drop") != null);
            Files.writeString(folder.resolve("after-restart.csv"), "id_izin;nib\nRS-1;9120301234567\n");
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> Files.exists(folder.resolve("done/after-restart.csv.result.txt")));
        }
    }

    private static Map<String, Object> settings(Path work, Path mappings) {
        Map<String, Object> p = new HashMap<>();
        p.put("server.port", GatewayTestSupport.freePort());
        p.put("gateway.data-dir", work.resolve("data").toString());
        p.put("gateway.routes-dir", work.resolve("routes").toString());
        p.put("gateway.mappings-dir", mappings.toString());
        p.put("gateway.sources.dir", work.resolve("sources").toString());
        p.put("camel.component.kamelet.location", "file:" + Paths.get("routes/kamelets").toAbsolutePath());
        p.put("gateway.demo.enabled", "false");
        p.put("gateway.security.initial-admin-password", GatewayTestSupport.ADMIN_PASSWORD);
        p.put("gateway.registry.min-schedule-ms", "1000");
        return p;
    }

    private static ConfigurableApplicationContext start(Map<String, Object> settings) {
        // as command-line arguments: they win over application.yaml (default properties would not)
        return new SpringApplicationBuilder(GatewayApplication.class).run(settings.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }
}
