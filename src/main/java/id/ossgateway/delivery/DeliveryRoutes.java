package id.ossgateway.delivery;

import static id.ossgateway.delivery.DeliveryExchange.DEAD_LETTER;
import static id.ossgateway.delivery.DeliveryExchange.RETRY;

import id.ossgateway.envelope.EnvelopeCodec;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/** The delivery to OSS ({@code oss-delivery}, {@code oss-attempt}) and the error handling every delivery route shares. */
@Configuration(proxyBeanMethods = false)
class DeliveryRoutes {

    @Bean
    RouteBuilder ossDeliveryRoute(OssDestination oss) {
        return new DeliveryRoute("oss", "{{gateway.delivery.queue}}", "{{gateway.delivery.concurrency}}", oss);
    }

    /** Error handling of the delivery routes, kept apart from the routes as a named configuration. */
    @Component
    static class Errors extends RouteConfigurationBuilder {

        private final DeliveryFailures failures;

        Errors(DeliveryFailures failures) {
            this.failures = failures;
        }

        @Override
        public void configuration() {
            routeConfiguration("delivery-errors")
                    // the destination refused the document, or the message is not an envelope: no retry can help
                    .onException(DeliveryRefusedException.class, EnvelopeCodec.MalformedEnvelopeException.class)
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
