package id.ossgateway.delivery;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Route;
import org.apache.camel.support.RoutePolicySupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The circuit breaker in front of OSS, as a route policy of the delivery route. When OSS keeps failing
 * it suspends the route's JMS consumer, so messages wait in the queue instead of burning their attempts
 * into the dead-letter queue; while open it probes OSS with a read-only query, and after a good probe
 * resumes the consumer so real deliveries decide whether the circuit closes again.
 *
 * <p>Like Camel's {@code ThrottlingExceptionRoutePolicy}, it acts on the consumer directly rather than
 * through the route controller: suspending a route waits for in-flight exchanges, and the exchange
 * that trips the breaker is one of them.
 */
@Component
public class OssCircuit extends RoutePolicySupport implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(OssCircuit.class);

    private final CircuitBreaker breaker;
    private final OssQueries queries;
    // state changes are applied one at a time, off the delivery threads that cause them
    private final ExecutorService switcher = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "oss-circuit");
        t.setDaemon(true);
        return t;
    });
    private volatile Route route;

    OssCircuit(DeliveryProperties delivery, OssQueries queries, MeterRegistry meters) {
        DeliveryProperties.Circuit c = delivery.circuit();
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(c.window())
                .minimumNumberOfCalls(c.minimumCalls())
                .failureRateThreshold(c.failureRatePercent())
                .permittedNumberOfCallsInHalfOpenState(c.halfOpenCalls())
                // the circuit leaves OPEN only through a successful probe, never on a timer alone
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .waitDurationInOpenState(Duration.ofDays(365))
                .build();
        CircuitBreakerRegistry registry = CircuitBreakerRegistry.of(config);
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(meters);
        this.breaker = registry.circuitBreaker("oss");
        this.queries = queries;
        breaker.getEventPublisher().onStateTransition(event ->
                switcher.execute(() -> apply(event.getStateTransition().getToState())));
    }

    @Override
    public void onInit(Route route) {
        this.route = route;
    }

    /** True while OSS is considered down: nothing may be sent. */
    public boolean isOpen() {
        CircuitBreaker.State state = breaker.getState();
        return state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.FORCED_OPEN;
    }

    /** CLOSED, OPEN or HALF_OPEN, for health and the console. */
    public String state() {
        return breaker.getState().name();
    }

    void recordSuccess(long nanos) {
        breaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
    }

    void recordFailure(long nanos, Throwable cause) {
        breaker.onError(nanos, TimeUnit.NANOSECONDS, cause);
    }

    /** While open, asks OSS whether it is back. */
    @Scheduled(fixedDelayString = "${gateway.delivery.circuit.probe-interval}")
    void probe() {
        if (breaker.getState() == CircuitBreaker.State.OPEN && queries.probe()) {
            LOG.info("OSS answered the probe: resuming delivery on trial");
            breaker.transitionToHalfOpenState();
        }
    }

    private void apply(CircuitBreaker.State state) {
        Route r = route;
        if (r == null || r.getConsumer() == null) {
            return;
        }
        try {
            if (state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.FORCED_OPEN) {
                LOG.warn("OSS keeps failing: circuit {} — delivery paused, messages wait in the queue", state);
                suspendOrStopConsumer(r.getConsumer());
            } else {
                LOG.info("circuit {}: delivery consuming", state);
                resumeOrStartConsumer(r.getConsumer());
            }
        } catch (Exception e) {
            LOG.error("could not apply circuit state {} to route {}", state, r.getRouteId(), e);
        }
    }

    @Override
    public void destroy() {
        switcher.shutdownNow();
    }
}
