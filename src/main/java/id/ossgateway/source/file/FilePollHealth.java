package id.ossgateway.source.file;

import id.ossgateway.source.SourceHealth;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.component.kamelet.Kamelet;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.PollingConsumerPollStrategy;
import org.apache.camel.spi.RouteIdAware;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Every folder scan of a file source (local, FTP, SFTP) reported to {@link SourceHealth}, as SQL polls are: a
 * scan that ran is a success (with how many files it found), one that could not reach the folder (server down,
 * login refused) a failure with the reason. The kamelet {@code opd-file-source} names this bean as its
 * consumer's {@code pollStrategy}; the source is found by the route the consumer belongs to. Health key:
 * {@code <system>:<source id>}.
 */
@Component("filePollHealth")
public class FilePollHealth implements PollingConsumerPollStrategy {

    private static final Logger log = LoggerFactory.getLogger(FilePollHealth.class);

    private final SourceHealth health;
    private final CamelContext camel;
    private final Map<String, String> keys = new ConcurrentHashMap<>();

    FilePollHealth(SourceHealth health, CamelContext camel) {
        this.health = health;
        this.camel = camel;
    }

    @Override
    public boolean begin(Consumer consumer, Endpoint endpoint) {
        return true;
    }

    @Override
    public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
        health.succeeded(key(consumer), polledMessages + " file(s) found");
    }

    @Override
    public boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception cause) {
        String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        health.failed(key(consumer), reason);
        log.warn("scan of {} failed, trying again at the next scan: {}", key(consumer), health.statuses()
                .get(key(consumer)).detail());
        return false; // no immediate retry: the next scheduled scan tries again
    }

    /** {@code <system>:<source id>} from the kamelet route's template parameters; the route id without them. */
    String key(Consumer consumer) {
        String routeId = consumer instanceof RouteIdAware aware && aware.getRouteId() != null ? aware.getRouteId()
                : endpointKey(consumer);
        return keys.computeIfAbsent(routeId, id -> {
            RouteDefinition route = camel instanceof ModelCamelContext model ? model.getRouteDefinition(id) : null;
            Map<String, Object> parameters = route == null || route.getTemplateParameters() == null ? Map.of()
                    : route.getTemplateParameters();
            Object system = parameters.get("systemId");
            // the route that reads from the kamelet names the source (a route in routes/, or a source instance)
            Object parent = parameters.get(Kamelet.PARENT_ROUTE_ID);
            String source = parent != null ? parent.toString()
                    : id.endsWith("-read") ? id.substring(0, id.length() - "-read".length()) : id;
            return system == null ? source : system + ":" + source;
        });
    }

    private static String endpointKey(Consumer consumer) {
        return consumer.getEndpoint().getEndpointKey();
    }
}
