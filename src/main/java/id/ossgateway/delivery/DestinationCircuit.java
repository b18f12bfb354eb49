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
import java.util.function.BooleanSupplier;
import org.apache.camel.Route;
import org.apache.camel.support.RoutePolicySupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * The circuit breaker in front of a destination, as a route policy of its delivery route. When the
 * destination keeps failing it suspends the route's JMS consumer, so messages wait in the queue instead of
 * burning their attempts into the dead-letter queue; while open it probes the destination with a cheap,
 * read-only check, and after a good probe resumes the consumer so real deliveries decide whether the
 * circuit closes again. {@link #probe()} is called on a schedule by whoever owns the circuit.
 *
 * <p>Like Camel's {@code ThrottlingExceptionRoutePolicy}, it acts on the consumer directly rather than
 * through the route controller: suspending a route waits for in-flight exchanges, and the exchange
 * that trips the breaker is one of them.
 */
public class DestinationCircuit extends RoutePolicySupport implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(DestinationCircuit.class);

    private final CircuitBreaker breaker;
    private final String name;
    private final BooleanSupplier probe;
    // state changes are applied one at a time, off the delivery threads that cause them
    private final ExecutorService switcher = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "circuit");
        t.setDaemon(true);
        return t;
    });
    private volatile Route route;

    /**
     * @param name  the destination, as the breaker's name in metrics ({@code resilience4j_circuitbreaker_state{name}})
     * @param probe true when the destination answers a cheap check; called only while the circuit is open
     */
    public DestinationCircuit(String name, DeliveryProperties.Circuit c, BooleanSupplier probe, MeterRegistry meters) {
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
        this.breaker = registry.circuitBreaker(name);
        this.name = name;
        this.probe = probe;
        breaker.getEventPublisher().onStateTransition(event ->
                switcher.execute(() -> apply(event.getStateTransition().getToState())));
    }

    @Override
    public void onInit(Route route) {
        this.route = route;
    }

    /** True while the destination is considered down: nothing may be sent. */
    public boolean isOpen() {
        CircuitBreaker.State state = breaker.getState();
        return state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.FORCED_OPEN;
    }

    /** CLOSED, OPEN or HALF_OPEN, for health and the console. */
    public String state() {
        return breaker.getState().name();
    }

    public void recordSuccess(long nanos) {
        breaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
    }

    public void recordFailure(long nanos, Throwable cause) {
        breaker.onError(nanos, TimeUnit.NANOSECONDS, cause);
    }

    /** While open, asks the destination whether it is back. */
    public void probe() {
        if (breaker.getState() == CircuitBreaker.State.OPEN && probe.getAsBoolean()) {
            LOG.info("{} answered the probe: resuming delivery on trial", name);
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
                LOG.warn("{} keeps failing: circuit {} — delivery paused, messages wait in the queue", name, state);
                suspendOrStopConsumer(r.getConsumer());
            } else {
                LOG.info("circuit of {} {}: delivery consuming", name, state);
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
