package id.ossgateway.delivery;

import static id.ossgateway.delivery.DeliveryExchange.DEAD_LETTER;
import static id.ossgateway.delivery.DeliveryExchange.RETRY;
import static id.ossgateway.delivery.DeliveryExchange.SKIP;

import id.ossgateway.envelope.EnvelopeCodec;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.springframework.stereotype.Component;

/**
 * The delivery route and its error handling.
 *
 * <pre>
 * oss-delivery:  jms (transacted, grouped) → deliveryGate.open → [duplicate? stop] → direct:oss-attempt
 * oss-attempt:   deliveryGate.beginAttempt → [confirmed? stop] → POST {base-url}/{method} → deliveryOutcome
 * </pre>
 *
 * The attempt is a route of its own without error handler, so that a redelivery repeats the whole
 * attempt (circuit check, attempt record, POST) and not just the failed HTTP call. The JMS session
 * transaction spans the whole exchange: the message leaves the queue only when it is delivered,
 * suppressed as a duplicate, or moved to the dead-letter queue in the same transaction.
 */
@Component
class DeliveryRoutes extends RouteBuilder {

    private final OssProperties oss;

    DeliveryRoutes(OssProperties oss) {
        this.oss = oss;
    }

    @Override
    public void configure() {
        from("jms:queue:{{gateway.delivery.queue}}"
                + "?transacted=true&lazyCreateTransactionManager=false&cacheLevelName=CACHE_CONSUMER"
                + "&concurrentConsumers={{gateway.delivery.concurrency}}"
                + "&maxConcurrentConsumers={{gateway.delivery.concurrency}}"
                // a rollback is how a message goes back to wait while the circuit is open: not a warning
                + "&errorHandlerLoggingLevel=DEBUG&errorHandlerLogStackTrace=false")
                .routeId("oss-delivery")
                .routeConfigurationId("oss-delivery-errors")
                .routePolicyRef("ossCircuit,messageIdMdc")
                .bean("deliveryGate", "open")
                .filter(exchangeProperty(SKIP).isNotEqualTo(true))
                    .to("direct:oss-attempt")
                .end();

        from("direct:oss-attempt")
                .routeId("oss-attempt")
                .errorHandler(noErrorHandler())
                .bean("deliveryGate", "beginAttempt")
                .filter(exchangeProperty(SKIP).isNotEqualTo(true))
                    .toD("{{gateway.oss.base-url}}/${exchangeProperty.gatewayPiaPath}" + httpOptions())
                    .bean("deliveryOutcome", "complete")
                .end();
    }

    private String httpOptions() {
        return "?throwExceptionOnFailure=false&followRedirects=false"
                + "&connectTimeout=" + oss.connectTimeout().toMillis()
                + "&connectionRequestTimeout=" + oss.connectTimeout().toMillis()
                + "&responseTimeout=" + oss.responseTimeout().toMillis()
                + "&soTimeout=" + oss.responseTimeout().toMillis()
                + "&maxTotalConnections=" + oss.maxConnections()
                + "&connectionsPerRoute=" + oss.maxConnections();
    }

    /** Error handling of the delivery route, kept apart from the route as a named configuration. */
    @Component
    static class Errors extends RouteConfigurationBuilder {

        private final DeliveryFailures failures;

        Errors(DeliveryFailures failures) {
            this.failures = failures;
        }

        @Override
        public void configuration() {
            routeConfiguration("oss-delivery-errors")
                    // OSS refused the document, or the message is not an envelope: no retry can help
                    .onException(OssRejectedException.class, EnvelopeCodec.MalformedEnvelopeException.class)
                        .handled(true)
                        .bean("deadLetters", "refused")
                        .to("jms:queue:{{gateway.delivery.dead-letter-queue}}")
                    .end()
                    // everything else: deliveryFailures decides (retry with backoff, back to the queue while
                    // the circuit is open, or dead-letter when the attempts are used up)
                    .onException(Exception.class)
                        .onExceptionOccurred(failures::failed)
                        .retryWhile(exchangeProperty(RETRY).isEqualTo(true))
                        .maximumRedeliveries(-1)
                        .logRetryAttempted(false)
                        .logExhausted(false)
                        .handled(true)
                        .bean("deliveryFailures", "exhausted")
                        .filter(exchangeProperty(DEAD_LETTER).isEqualTo(true))
                            .to("jms:queue:{{gateway.delivery.dead-letter-queue}}")
                        .end()
                    .end();
        }
    }
}
