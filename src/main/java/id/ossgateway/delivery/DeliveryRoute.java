package id.ossgateway.delivery;

import static id.ossgateway.delivery.DeliveryExchange.DESTINATION;
import static id.ossgateway.delivery.DeliveryExchange.QUEUE;
import static id.ossgateway.delivery.DeliveryExchange.SKIP;

import org.apache.camel.builder.RouteBuilder;

/**
 * The delivery of one queue to one destination — the same two routes for OSS and for every OPD system:
 *
 * <pre>
 * {name}-delivery: jms (transacted, grouped) → deliveryGate.open → direct:{name}-attempt
 * {name}-attempt:  deliveryGate.beginAttempt → [skip?] → destination endpoint → deliveryOutcome.complete
 * </pre>
 *
 * The attempt is a route of its own without error handler, so that a redelivery repeats the whole attempt
 * (circuit check, duplicate check, attempt record, request) and not just the failed call. The JMS session
 * transaction spans the whole exchange: the message leaves the queue only when it is delivered, recognised as
 * a duplicate, or moved to the dead-letter queue in the same transaction ({@code delivery-errors}).
 *
 * <p>Messaging defaults are the safe ones: a transacted session (a crash rolls the message back onto the
 * queue), persistent messages, and one message group per permit, so one permit's documents arrive in order
 * while different permits go in parallel.
 */
public class DeliveryRoute extends RouteBuilder {

    private final String name;
    private final String queue;
    private final String concurrency;
    private final Destination destination;

    /**
     * @param name        route ids {@code {name}-delivery} and {@code {name}-attempt}
     * @param queue       the queue to consume (a placeholder such as {@code {{gateway.delivery.queue}}} is fine)
     * @param concurrency consumers of the queue (a placeholder is fine)
     */
    public DeliveryRoute(String name, String queue, String concurrency, Destination destination) {
        this.name = name;
        this.queue = queue;
        this.concurrency = concurrency;
        this.destination = destination;
    }

    @Override
    public void configure() {
        from("jms:queue:" + queue
                + "?transacted=true&lazyCreateTransactionManager=false&cacheLevelName=CACHE_CONSUMER"
                + "&concurrentConsumers=" + concurrency + "&maxConcurrentConsumers=" + concurrency
                // a rollback is how a message goes back to wait while the circuit is open: not a warning
                + "&errorHandlerLoggingLevel=DEBUG&errorHandlerLogStackTrace=false")
                .routeId(name + "-delivery")
                .routeConfigurationId("delivery-errors")
                .routePolicy(destination.circuit())
                .routePolicyRef("messageIdMdc")
                .setProperty(DESTINATION, constant(destination))
                .setProperty(QUEUE, constant(getContext().resolvePropertyPlaceholders(queue)))
                .bean("deliveryGate", "open")
                .filter(exchangeProperty(SKIP).isNotEqualTo(true))
                    .to("direct:" + name + "-attempt")
                .end();

        from("direct:" + name + "-attempt")
                .routeId(name + "-attempt")
                .errorHandler(noErrorHandler())
                .bean("deliveryGate", "beginAttempt")
                .filter(exchangeProperty(SKIP).isNotEqualTo(true))
                    .toD(destination.endpointUri())
                    .bean("deliveryOutcome", "complete")
                .end();
    }
}
