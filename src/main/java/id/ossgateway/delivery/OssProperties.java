package id.ossgateway.delivery;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How to reach OSS.
 *
 * @param baseUrl         the PIA base URL, without the method: production
 *                        {@code https://api-prd.oss.go.id/v1/kl/rba}, staging
 *                        {@code https://api-stg.oss.go.id/stg/v1/kl/rba}, or the embedded simulator
 * @param userKey         the {@code user_key} OSS issued to this agency; a secret: set it through the
 *                        environment ({@code GATEWAY_OSS_USER_KEY}), never in a file of the repository.
 *                        Left empty, the gateway uses the embedded simulator's key and refuses to start
 *                        when the simulator is off
 * @param connectTimeout  how long to wait for a TCP connection
 * @param responseTimeout how long to wait for OSS's reply; an attempt that times out has an unknown
 *                        outcome and is reconciled with checkLicenseStatus before it is sent again
 * @param maxConnections  connections kept open to OSS; at least the delivery concurrency
 */
@Validated
@ConfigurationProperties("gateway.oss")
public record OssProperties(
        @NotNull URI baseUrl,
        String userKey,
        @NotNull Duration connectTimeout,
        @NotNull Duration responseTimeout,
        @Min(1) int maxConnections) {

    /** The URL of one PIA method. */
    public String url(String method) {
        String base = baseUrl.toString();
        return (base.endsWith("/") ? base : base + "/") + method;
    }
}
