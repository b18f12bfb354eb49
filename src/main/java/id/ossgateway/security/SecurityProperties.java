package id.ossgateway.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Security settings.
 *
 * @param initialAdminPassword the first administrator's password for unattended installs
 *                             ({@code GATEWAY_INITIAL_ADMIN_PASSWORD}); when unset, a random one is
 *                             generated at the first start and printed once. Used only while no user exists.
 */
@ConfigurationProperties("gateway.security")
public record SecurityProperties(String initialAdminPassword) {
}
