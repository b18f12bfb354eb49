package id.ossgateway.demo;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The demo OPD of the embedded default run ({@code gateway.demo.*}): an in-memory "legacy" permit table
 * that changes over time, polled as {@code config/sources/demo-perizinan-sql.yaml}. Off in production.
 *
 * @param enabled   create the table and keep changing it
 * @param jdbcUrl   where the table lives (an in-memory H2 database by default)
 * @param permits   how many permit applications the table starts with
 * @param changeEvery how often a few applications move to their next status
 */
@Validated
@ConfigurationProperties("gateway.demo")
public record DemoProperties(
        boolean enabled,
        @NotNull String jdbcUrl,
        @Min(1) int permits,
        @NotNull Duration changeEvery) {

    public DemoProperties {
        jdbcUrl = jdbcUrl == null ? "jdbc:h2:mem:demo_opd;DB_CLOSE_DELAY=-1" : jdbcUrl;
        permits = permits == 0 ? 12 : permits;
        changeEvery = changeEvery == null ? Duration.ofSeconds(10) : changeEvery;
    }
}
