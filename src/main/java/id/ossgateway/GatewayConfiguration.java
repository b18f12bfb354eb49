package id.ossgateway;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans the features share. */
@Configuration(proxyBeanMethods = false)
class GatewayConfiguration {

    /** The one clock every timestamp comes from, so tests can move time instead of waiting for it. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
