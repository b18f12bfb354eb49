package id.ossgateway.observability;

import id.ossgateway.delivery.DeliveryProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.jms.ConnectionFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Messages waiting in the outbound and the dead-letter queue, measured when Prometheus scrapes and reused for
 * {@code gateway.observability.queue-depth-max-age}:
 *
 * <pre>
 * gateway_queue_depth{queue="outbound"}   waiting for delivery (grows while OSS is down or slow)
 * gateway_queue_depth{queue="dlq"}        dead letters waiting for an operator
 * </pre>
 *
 * The embedded broker is asked directly; an external one is browsed over JMS ({@link BrowsingQueueCounter}).
 */
@Component
class QueueMeters {

    private final QueueCounter counter;
    private final Clock clock;
    private final ObservabilityProperties properties;
    private final Map<String, Measured> cache = new ConcurrentHashMap<>();

    QueueMeters(DeliveryProperties delivery, ObjectProvider<EmbeddedActiveMQ> embedded, ConnectionFactory connections,
                ObservabilityProperties properties, Clock clock, MeterRegistry meters) {
        EmbeddedActiveMQ broker = embedded.getIfAvailable();
        this.counter = broker != null ? new EmbeddedQueueCounter(broker)
                : new BrowsingQueueCounter(connections, properties.browseLimit());
        this.clock = clock;
        this.properties = properties;
        gauge(meters, "outbound", delivery.queue());
        gauge(meters, "dlq", delivery.deadLetterQueue());
    }

    private void gauge(MeterRegistry meters, String role, String queue) {
        Gauge.builder("gateway.queue.depth", this, m -> m.depth(queue))
                .description("messages in the queue (" + counter.how() + ")")
                .tag("queue", role)
                .register(meters);
    }

    double depth(String queue) {
        Instant now = clock.instant();
        Measured m = cache.get(queue);
        if (m == null || m.at().plus(properties.queueDepthMaxAge()).isBefore(now)) {
            m = new Measured(counter.count(queue), now);
            cache.put(queue, m);
        }
        return m.value();
    }

    private record Measured(double value, Instant at) {
    }
}
