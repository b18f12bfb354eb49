package id.ossgateway.journal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * What to look for in the journal; every filter is optional. Results come newest first, {@code limit} at a
 * time; the next page starts {@code before} the last message of the previous one.
 *
 * @param nib       NIB the document is about
 * @param idIzin    the permit ({@code id_izin}, the business key)
 * @param messageId one message
 * @param system    the OPD system that produced it
 * @param state     where it stands now
 * @param from      received at or after (inclusive)
 * @param to        received before (exclusive)
 * @param limit     page size, 1 to {@link #MAX_LIMIT}
 * @param before    keyset position: only messages older than this one
 */
public record MessageQuery(String nib, String idIzin, String messageId, String system, MessageState state,
                           Instant from, Instant to, int limit, Cursor before) {

    public static final int MAX_LIMIT = 500;

    public MessageQuery {
        limit = Math.max(1, Math.min(limit, MAX_LIMIT));
    }

    /** All messages, newest first. */
    public static MessageQuery latest(int limit) {
        return new MessageQuery(null, null, null, null, null, null, null, limit, null);
    }

    /**
     * A position in the newest-first order: (received_at, message_id), the order the index keeps. Passed to
     * clients as an opaque token so the API stays free to change what it holds.
     */
    public record Cursor(Instant receivedAt, String messageId) {

        public String token() {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((receivedAt + "|" + messageId).getBytes(StandardCharsets.UTF_8));
        }

        /** @throws IllegalArgumentException when the token is not one {@link #token()} made */
        public static Cursor parse(String token) {
            try {
                String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
                int bar = text.indexOf('|');
                return new Cursor(Instant.parse(text.substring(0, bar)), text.substring(bar + 1));
            } catch (IllegalArgumentException | IndexOutOfBoundsException | DateTimeParseException e) {
                throw new IllegalArgumentException("not a page token: " + token);
            }
        }
    }
}
