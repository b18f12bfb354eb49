package id.ossgateway.delivery;

import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.support.RoutePolicySupport;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * Puts the message id into the logging context ({@code messageId}) while the delivery route handles a
 * message, so every log line of a delivery — ours, Camel's, the HTTP client's — can be traced to it. The
 * delivery of one message runs on one consumer thread from start to end (retries of a transacted exchange
 * wait on that thread), so a thread-bound MDC is enough.
 */
@Component("messageIdMdc")
class MessageIdMdc extends RoutePolicySupport {

    static final String KEY = "messageId";

    static void put(String messageId) {
        if (messageId != null) {
            MDC.put(KEY, messageId);
        }
    }

    @Override
    public void onExchangeBegin(Route route, Exchange exchange) {
        put(exchange.getMessage().getHeader(OutboundQueue.MESSAGE_ID, String.class));
    }

    @Override
    public void onExchangeDone(Route route, Exchange exchange) {
        MDC.remove(KEY);
    }
}
