package id.ossgateway.observability;

import id.ossgateway.delivery.RecordDeadLettered;
import id.ossgateway.delivery.RecordDelivered;
import id.ossgateway.source.BatchIngested;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Counts records per OPD system through the gateway and times deliveries. Tags are system ids and PIA
 * methods only — both come from configuration, so the number of series stays bounded; message ids belong in
 * logs, never in tags.
 *
 * <pre>
 * gateway_records_received_total{system}          records handed over by sources (a batch re-read after a crash counts again)
 * gateway_records_rejected_total{system}          records that failed mapping or validation (reject store)
 * gateway_records_skipped_total{system}           records the mapping skips on purpose
 * gateway_records_delivered_total{system,method}  documents OSS accepted (or was found to hold)
 * gateway_records_dead_lettered_total{system}     messages moved to the dead-letter queue
 * gateway_delivery_latency_seconds{method}        successful POSTs to OSS, with histogram buckets
 * </pre>
 */
@Component
class FlowMeters {

    /** The system tag of a dead letter that was not a gateway envelope. */
    static final String UNKNOWN_SYSTEM = "unknown";

    private final MeterRegistry meters;
    private final Map<String, Delivery> deliveries = new ConcurrentHashMap<>();

    FlowMeters(MeterRegistry meters) {
        this.meters = meters;
    }

    @EventListener
    void on(BatchIngested batch) {
        counter("gateway.records.received", "records handed over by sources", batch.systemId())
                .increment(batch.received());
        counter("gateway.records.rejected", "records that failed mapping or validation", batch.systemId())
                .increment(batch.rejected());
        counter("gateway.records.skipped", "records the mapping skips on purpose", batch.systemId())
                .increment(batch.skipped());
    }

    @EventListener
    void on(RecordDelivered delivered) {
        Delivery meters = deliveries.computeIfAbsent(delivered.systemId() + '\n' + delivered.method(),
                k -> new Delivery(delivered.systemId(), delivered.method()));
        meters.count.increment();
        if (delivered.latency() != null) {
            meters.latency.record(delivered.latency());
        }
    }

    /**
     * The meters of one (system, method), looked up once: at thousands of deliveries a second, building and
     * registering a meter per record (tag arrays, id hashing) is measurable.
     */
    private final class Delivery {
        final Counter count;
        final Timer latency;

        Delivery(String system, String method) {
            count = Counter.builder("gateway.records.delivered").description("documents OSS accepted or was found to hold")
                    .tag("system", system).tag("method", method).register(meters);
            latency = Timer.builder("gateway.delivery.latency").description("successful POSTs to OSS, request to reply")
                    .tag("method", method)
                    .publishPercentileHistogram()
                    // OSS answers in tens of milliseconds to tens of seconds: buckets outside that range are noise
                    .minimumExpectedValue(Duration.ofMillis(5))
                    .maximumExpectedValue(Duration.ofSeconds(60))
                    .register(meters);
        }
    }

    @EventListener
    void on(RecordDeadLettered deadLettered) {
        String system = deadLettered.systemId() == null ? UNKNOWN_SYSTEM : deadLettered.systemId();
        counter("gateway.records.dead.lettered", "messages moved to the dead-letter queue", system).increment();
    }

    private Counter counter(String name, String description, String system) {
        return Counter.builder(name).description(description).tag("system", system).register(meters);
    }
}
