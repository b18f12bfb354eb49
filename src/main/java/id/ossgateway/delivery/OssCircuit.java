package id.ossgateway.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** The circuit breaker in front of OSS: probed with {@code getDataReferensi} while open. */
@Component
public class OssCircuit extends DestinationCircuit {

    OssCircuit(DeliveryProperties delivery, OssQueries queries, MeterRegistry meters) {
        super("oss", delivery.circuit(), queries::probe, meters);
    }

    @Override
    @Scheduled(fixedDelayString = "${gateway.delivery.circuit.probe-interval}")
    public void probe() {
        super.probe();
    }
}
