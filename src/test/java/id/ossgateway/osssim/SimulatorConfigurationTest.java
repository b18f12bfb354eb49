package id.ossgateway.osssim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.ossgateway.delivery.OssCredentials;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.validation.FieldError;

/** The simulator's wiring and configuration binding, in a context of only this package. */
class SimulatorConfigurationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SimulatorProperties.class)
    @Import({SimulatorConfiguration.class, OssSimulatorController.class, SimulatorAdminController.class})
    static class SimulatorOnly {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class,
                    ValidationAutoConfiguration.class))
            .withUserConfiguration(SimulatorOnly.class);

    @Test
    void nothingOfTheSimulatorExistsUnlessEnabled() {
        runner.run(context -> {
            assertFalse(context.containsBean("ossSimulator"));
            assertTrue(context.getBeansOfType(OssSimulatorController.class).isEmpty());
            assertTrue(context.getBeansOfType(SimulatorAdminController.class).isEmpty());
        });
    }

    @Test
    void enabledAloneGivesTheDefaults() {
        runner.withPropertyValues("gateway.osssim.enabled=true").run(context -> {
            assertNotNull(context.getBean(OssSimulatorController.class));
            SimulatorProperties properties = context.getBean(SimulatorProperties.class);
            assertEquals(OssCredentials.SANDBOX_KEY, properties.userKey());
            assertEquals(1000, properties.callLogSize());
            assertEquals(List.of("46", "47", "48"), properties.extraStatusCodes());
            assertEquals(ZoneId.of("Asia/Makassar"), properties.zone());
            assertEquals(SimulatorProperties.Faults.none(), properties.faults());
        });
    }

    @Test
    void faultsBindFromConfiguration() {
        runner.withPropertyValues("gateway.osssim.enabled=true",
                "gateway.osssim.faults.error-rate=0.05",
                "gateway.osssim.faults.error-codes=500,504",
                "gateway.osssim.faults.latency=200ms",
                "gateway.osssim.faults.outages=01:00-03:00,23:30-00:30",
                "gateway.osssim.faults.fail-id-izin[I-REJECTED]=400").run(context -> {
            SimulatorProperties.Faults faults = context.getBean(SimulatorFaults.class).current();
            assertEquals(0.05, faults.errorRate());
            assertEquals(List.of(500, 504), faults.errorCodes());
            assertEquals(Duration.ofMillis(200), faults.latency());
            assertEquals(List.of("01:00-03:00", "23:30-00:30"), faults.outages());
            assertEquals(Map.of("I-REJECTED", 400), faults.failIdIzin());
            assertEquals(Duration.ofSeconds(2), faults.retryAfter());
        });
    }

    @Test
    void invalidFaultsStopTheStart() {
        runner.withPropertyValues("gateway.osssim.enabled=true", "gateway.osssim.faults.error-rate=1.5")
                .run(context -> assertEquals(List.of("faults.errorRate"), refusedFields(context.getStartupFailure())));
        runner.withPropertyValues("gateway.osssim.enabled=true", "gateway.osssim.faults.outages=3:00-4:00")
                .run(context -> assertEquals(List.of("faults.outages[0]"), refusedFields(context.getStartupFailure())));
    }

    private static List<String> refusedFields(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BindValidationException invalid) {
                return invalid.getValidationErrors().getAllErrors().stream()
                        .map(e -> ((FieldError) e).getField()).toList();
            }
        }
        throw new AssertionError("not refused by validation", failure);
    }
}
