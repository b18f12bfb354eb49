package id.ossgateway.osssim;

import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the OSS simulator when {@code gateway.osssim.enabled=true}; without it nothing of this package
 * exists in the running gateway.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "gateway.osssim", name = "enabled", havingValue = "true")
class SimulatorConfiguration {

    @Bean
    SimulatorFaults simulatorFaults(SimulatorProperties properties, ObjectProvider<Clock> clock) {
        return new SimulatorFaults(properties.faults(), properties.zone(), clockOf(clock),
                () -> ThreadLocalRandom.current().nextDouble());
    }

    @Bean
    OssSimulator ossSimulator(SimulatorProperties properties, SimulatorFaults faults, ObjectProvider<Clock> clock) {
        return new OssSimulator(properties.userKey(), FieldRules.load(properties.extraStatusCodes(), properties.checkIssuedIdentifiers()), faults,
                new SimulatedOss(ReferenceLists.load()), new SimCallLog(properties.callLogSize()), clockOf(clock),
                OssSimulator::sleep);
    }

    // the application's Clock when it has exactly one (tests may fix it); otherwise the system clock.
    // Not a Clock bean of our own: a second Clock would make the other packages' injection ambiguous.
    private static Clock clockOf(ObjectProvider<Clock> clock) {
        return clock.getIfUnique(Clock::systemUTC);
    }
}
