/**
 * Durable delivery to OSS: the outbound Artemis queue (grouped by {@code id_izin}), the delivery route
 * (transacted consume, idempotency, attempt journal, HTTP POST, reply classification), redelivery with
 * backoff, the dead-letter queue and the circuit breaker that stops consumption while OSS is down.
 */
package id.ossgateway.delivery;
