package id.ossgateway.delivery;

import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.settings.impl.AddressFullMessagePolicy;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded broker's queues and their settings. The same settings for a standalone broker are in
 * {@code config/artemis/broker-addresses.xml}.
 */
@Configuration(proxyBeanMethods = false)
class BrokerConfiguration {

    @Bean
    ArtemisConfigurationCustomizer gatewayQueues(DeliveryProperties delivery, BrokerProperties broker) {
        return config -> {
            config.setJournalBufferTimeout_NIO((int) broker.journalBufferTimeout().toNanos());
            config.setJournalBufferTimeout_AIO((int) broker.journalBufferTimeout().toNanos());
            // the gateway decides when a message is dead: the broker redelivers a rolled-back message at
            // once and forever, because a redelivery delay would let the next message of the same permit
            // overtake it, and a broker-side limit would dead-letter messages that waited out an OSS outage
            // a backlog beyond queue-memory is paged to disk instead of filling the heap
            config.addAddressSetting(delivery.queue(), new AddressSettings()
                    .setMaxDeliveryAttempts(-1)
                    .setRedeliveryDelay(0)
                    .setDeadLetterAddress(SimpleString.of(delivery.deadLetterQueue()))
                    .setMaxSizeBytes(broker.queueMemory().toBytes())
                    .setAddressFullMessagePolicy(AddressFullMessagePolicy.PAGE));
            config.addAddressSetting(delivery.deadLetterQueue(), new AddressSettings().setMaxDeliveryAttempts(-1)
                    .setMaxSizeBytes(broker.queueMemory().toBytes())
                    .setAddressFullMessagePolicy(AddressFullMessagePolicy.PAGE));
            for (String name : new String[] {delivery.queue(), delivery.deadLetterQueue()}) {
                config.addQueueConfiguration(QueueConfiguration.of(name)
                        .setAddress(name).setRoutingType(RoutingType.ANYCAST).setDurable(true));
            }
        };
    }
}
