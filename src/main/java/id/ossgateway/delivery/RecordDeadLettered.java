package id.ossgateway.delivery;

/**
 * A message was moved to the dead-letter queue (in the consumer's transaction, which commits right after).
 *
 * @param messageId null when the message was not a gateway envelope
 * @param systemId  null when the message was not a gateway envelope
 */
public record RecordDeadLettered(String messageId, String systemId) {
}
