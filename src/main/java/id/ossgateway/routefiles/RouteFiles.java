package id.ossgateway.routefiles;

import id.ossgateway.GatewayProperties;
import id.ossgateway.source.SourceHealth;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.spi.Resource;
import org.apache.camel.spi.RoutesLoader;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the running routes in step with {@code routes/*.camel.yaml}. Camel's own reload is switched off
 * because it replaces a route before knowing the new one starts: a file that parses but cannot start (an
 * unknown component, a bad option) would leave the flow stopped. Here each change is applied with Camel's
 * routes loader and, if that fails, the file's last good content is applied again.
 */
@Component
public class RouteFiles {

    private static final Logger log = LoggerFactory.getLogger(RouteFiles.class);
    private static final String SUFFIX = ".camel.yaml";

    private final CamelContext camel;
    private final Path dir;
    private final SourceHealth health;
    /** file → content that is running */
    private final Map<Path, String> good = new HashMap<>();
    /** file → route ids that came from it */
    private final Map<Path, Set<String>> ids = new HashMap<>();
    /** file → content refused last, so it is reported once, not at every scan */
    private final Map<Path, String> refused = new HashMap<>();
    private volatile boolean ready;

    public RouteFiles(CamelContext camel, GatewayProperties gateway, SourceHealth health) {
        this.camel = camel;
        this.dir = gateway.routesDir();
        this.health = health;
    }

    /** What Camel loaded at start-up (camel.main.routes-include-pattern) is the first good version. */
    @EventListener(ApplicationReadyEvent.class)
    public synchronized void remember() {
        for (Path file : files()) {
            read(file).ifPresent(content -> good.put(file, content));
            ids.put(file, routesFrom(file));
        }
        ready = true;
    }

    @Scheduled(fixedDelayString = "${gateway.route-files.reload-interval}")
    public synchronized void reload() {
        if (!ready) {
            return;
        }
        List<Path> present = files();
        for (Path gone : List.copyOf(good.keySet())) {
            if (!present.contains(gone)) {
                removeRoutes(ids.getOrDefault(gone, Set.of()));
                good.remove(gone);
                ids.remove(gone);
                log.info("routes/{} removed: its routes are stopped", gone.getFileName());
            }
        }
        for (Path file : present) {
            read(file).filter(c -> !c.equals(good.get(file)) && !c.equals(refused.get(file)))
                    .ifPresent(content -> apply(file, content));
        }
    }

    private void apply(Path file, String content) {
        RoutesLoader loader = PluginHelper.getRoutesLoader(camel);
        try {
            Set<String> loaded = loader.updateRoutes(Set.of(resource(file, content)));
            Set<String> dropped = new HashSet<>(ids.getOrDefault(file, Set.of()));
            dropped.removeAll(loaded);
            removeRoutes(dropped);
            good.put(file, content);
            ids.put(file, loaded);
            refused.remove(file);
            health.forget(healthKey(file));
            log.info("routes/{} reloaded: {}", file.getFileName(), loaded);
        } catch (Exception e) {
            refused.put(file, content);
            String reason = rootMessage(e);
            health.failed(healthKey(file), "refused: " + reason);
            String previous = good.get(file);
            if (previous == null) {
                log.error("routes/{} refused, not started: {}", file.getFileName(), reason);
                return;
            }
            try {
                loader.updateRoutes(Set.of(resource(file, previous)));
                log.error("routes/{} refused, the previous version keeps running: {}", file.getFileName(), reason);
            } catch (Exception restore) {
                log.error("routes/{} refused ({}) and the previous version could not be restored: {}",
                        file.getFileName(), reason, rootMessage(restore));
            }
        }
    }

    private void removeRoutes(Set<String> routeIds) {
        for (String id : routeIds) {
            try {
                camel.getRouteController().stopRoute(id);
                camel.removeRoute(id);
            } catch (Exception e) {
                log.warn("route {} could not be removed: {}", id, e.toString());
            }
        }
    }

    private Set<String> routesFrom(Path file) {
        Set<String> found = new HashSet<>();
        String location = file.toAbsolutePath().toString();
        for (Route route : camel.getRoutes()) {
            String source = route.getSourceLocation();
            if (source != null && source.contains(location)) {
                found.add(route.getRouteId());
            }
        }
        return found;
    }

    private static Resource resource(Path file, String content) {
        // the location keeps the file name, so errors and the routes' source locations name the real file
        return ResourceHelper.fromString("file:" + file.toAbsolutePath(), content);
    }

    private List<Path> files() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
        } catch (IOException e) {
            log.error("cannot list {}: {}", dir, e.toString());
            return List.of();
        }
    }

    private static java.util.Optional<String> read(Path file) {
        try {
            return java.util.Optional.of(Files.readString(file));
        } catch (IOException e) {
            return java.util.Optional.empty(); // being replaced right now: next scan
        }
    }

    private static String healthKey(Path file) {
        return "routes/" + file.getFileName();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        StringBuilder b = new StringBuilder(String.valueOf(e.getMessage()));
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
            if (t.getMessage() != null && !b.toString().contains(t.getMessage())) {
                b.append(": ").append(t.getMessage());
            }
        }
        return b.length() > 600 ? b.substring(0, 600) + "…" : b.toString();
    }
}
