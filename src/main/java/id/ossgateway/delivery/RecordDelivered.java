package id.ossgateway.delivery;

import java.time.Duration;

/**
 * OSS accepted a document, or a check showed it already holds it.
 *
 * @param method  the PIA method's path ({@code receiveLicenseStatus}, {@code receiveLicense})
 * @param latency the successful POST's round trip; null when the delivery was confirmed by
 *                {@code checkLicenseStatus} rather than by a POST
 */
public record RecordDelivered(String messageId, String systemId, String method, Duration latency) {
}
