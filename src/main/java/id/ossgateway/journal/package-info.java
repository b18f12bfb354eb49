/**
 * The message journal: one row per accepted record with its current state, and an append-only list
 * of every hop (received, mapped, queued, retried, delivered, dead-lettered, replayed, discarded; each HTTP
 * attempt is a row of {@code delivery_attempt}). It is what the console searches ({@link
 * id.ossgateway.journal.MessageSearch}, personal data masked by {@link id.ossgateway.privacy.PersonalData})
 * and what an operator reads to answer "did OSS get it?". Delivered messages are kept for
 * {@code gateway.journal.retention-days}.
 */
package id.ossgateway.journal;
