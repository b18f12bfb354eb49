package id.ossgateway.source.template;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kamelet.KameletComponent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Creates, replaces and removes source routes while the gateway runs. Each source is a small route
 * {@code from("kamelet:<template>/<id>-read")} with id {@code <id>}; the template's parameters are handed to
 * the kamelet component as route properties rather than in the endpoint URI, so passwords and nested URIs
 * (an SFTP URI is itself a parameter) need no escaping and never appear in an endpoint URI.
 */
@Component
public class SourceRoutes {

    private static final Logger log = LoggerFactory.getLogger(SourceRoutes.class);

    private final CamelContext camel;
    private final SourceTemplates templates;
    private final Map<String, SourceInstance> running = new ConcurrentHashMap<>();

    public SourceRoutes(CamelContext camel, SourceTemplates templates) {
        this.camel = camel;
        this.templates = templates;
    }

    /** Checks an instance against its template without starting anything; an empty list means it can run. */
    public List<String> problems(SourceInstance instance) {
        return templates.find(instance.template())
                .map(t -> t.problems(instance.templateParameters()))
                .orElse(List.of("template '" + instance.template() + "' does not exist in routes/kamelets"));
    }

    /**
     * Starts the instance, replacing a running one with the same id.
     *
     * @throws InvalidSourceException when it does not fit its template (a running predecessor keeps running)
     */
    public synchronized void start(SourceInstance instance) {
        List<String> problems = problems(instance);
        if (!problems.isEmpty()) {
            throw new InvalidSourceException(instance.id(), problems);
        }
        stop(instance.id());
        Properties properties = new Properties();
        properties.putAll(instance.templateParameters());
        routeProperties().put(instance.templateRouteId(), properties);
        try {
            camel.addRoutes(new RouteBuilder(camel) {
                @Override
                public void configure() {
                    from("kamelet:" + instance.template() + "/" + instance.templateRouteId())
                            .routeId(instance.id())
                            .routeDescription(instance.template() + " for " + instance.systemId())
                            .to("log:id.ossgateway.source.routes?level=DEBUG");
                }
            });
        } catch (Exception e) {
            removeRoutes(instance);
            throw new InvalidSourceException(instance.id(), List.of("cannot start: " + e.getMessage()));
        }
        running.put(instance.id(), instance);
        log.info("source {} started ({} for {})", instance.id(), instance.template(), instance.systemId());
    }

    /** Stops and removes a running source; false when there was none. */
    public synchronized boolean stop(String id) {
        SourceInstance instance = running.remove(id);
        if (instance == null) {
            return false;
        }
        removeRoutes(instance);
        log.info("source {} stopped", id);
        return true;
    }

    public Set<String> runningIds() {
        return new TreeSet<>(running.keySet());
    }

    public boolean isRunning(String id) {
        return running.containsKey(id);
    }

    private void removeRoutes(SourceInstance instance) {
        for (String routeId : List.of(instance.id(), instance.templateRouteId())) {
            try {
                if (camel.getRoute(routeId) != null) {
                    camel.getRouteController().stopRoute(routeId);
                    camel.removeRoute(routeId);
                }
            } catch (Exception e) {
                log.warn("source {}: route {} could not be removed cleanly: {}", instance.id(), routeId, e.toString());
            }
        }
        routeProperties().remove(instance.templateRouteId());
    }

    private Map<String, Properties> routeProperties() {
        KameletComponent kamelets = camel.getComponent("kamelet", KameletComponent.class);
        synchronized (kamelets) {
            if (kamelets.getRouteProperties() == null) {
                kamelets.setRouteProperties(new ConcurrentHashMap<>());
            }
            return kamelets.getRouteProperties();
        }
    }
}
