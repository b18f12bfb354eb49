package id.ossgateway.delivery;

import org.slf4j.MDC;

/**
 * Puts the message id into the logging context ({@code messageId}) while a document is delivered, so every log
 * line of its delivery — ours, the HTTP client's — can be traced to it. One document is delivered on one
 * worker thread from start to end (retries wait on that thread), so a thread-bound MDC is enough.
 */
final class MessageIdMdc {

    static final String KEY = "messageId";

    private MessageIdMdc() {
    }

    static void put(String messageId) {
        if (messageId != null) {
            MDC.put(KEY, messageId);
        }
    }

    static void clear() {
        MDC.remove(KEY);
    }
}
