package id.ossgateway.delivery;

import org.apache.camel.builder.RouteBuilder;

/**
 * The delivery of one queue to one destination — the same route for OSS and for every OPD system:
 *
 * <pre>
 * {name}-delivery: jms-batch (transacted batches, grouped by permit) → batchDelivery
 * </pre>
 *
 * A batch is one broker transaction: its messages leave the queue only when each is delivered, recognised as
 * a copy, or moved to the dead-letter queue in the same transaction; a crash or a rollback puts them all back.
 * Messaging defaults are the safe ones: transacted sessions, persistent messages, and one message group per
 * permit, so one permit's documents arrive in order while different permits go in parallel. The destination's
 * circuit breaker is the route's policy: it suspends the consumer while the destination is down.
 */
public class DeliveryRoute extends RouteBuilder {

    private final String name;
    private final String queue;
    private final String consumers;
    private final String batchSize;
    private final Destination destination;

    /**
     * @param name      route id {@code {name}-delivery}
     * @param queue     the queue to consume (a placeholder such as {@code {{gateway.delivery.queue}}} is fine)
     * @param consumers consumer threads, each with its own transacted session (a placeholder is fine)
     * @param batchSize most messages per broker transaction (a placeholder is fine)
     */
    public DeliveryRoute(String name, String queue, String consumers, String batchSize, Destination destination) {
        this.name = name;
        this.queue = queue;
        this.consumers = consumers;
        this.batchSize = batchSize;
        this.destination = destination;
    }

    @Override
    public void configure() {
        from("jms-batch:" + queue + "?consumers=" + consumers + "&batchSize=" + batchSize)
                .routeId(name + "-delivery")
                .routePolicy(destination.circuit())
                // a failed batch is rolled back by the consumer and comes again: no redelivery here
                .errorHandler(noErrorHandler())
                .setProperty(BatchDelivery.DESTINATION, constant(destination))
                .setProperty(BatchDelivery.QUEUE, constant(getContext().resolvePropertyPlaceholders(queue)))
                .bean("batchDelivery", "deliver");
    }
}
