package id.ossgateway.delivery;

import id.ossgateway.delivery.jmsbatch.BatchJmsComponent;
import jakarta.jms.ConnectionFactory;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The delivery to OSS ({@code oss-delivery}) and the batch consumer component every delivery route uses. */
@Configuration(proxyBeanMethods = false)
class DeliveryRoutes {

    @Bean("jms-batch")
    BatchJmsComponent jmsBatchComponent(ConnectionFactory jmsConnectionFactory) {
        return new BatchJmsComponent(jmsConnectionFactory);
    }

    @Bean
    RouteBuilder ossDeliveryRoute(OssDestination oss) {
        return new DeliveryRoute("oss", "{{gateway.delivery.queue}}", "{{gateway.delivery.consumers}}",
                "{{gateway.delivery.batch-size}}", oss);
    }
}
