package id.ossgateway.observability;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import java.util.Enumeration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts by browsing the queue over JMS, for an external broker: it needs nothing but the browse permission
 * the gateway already has, and works with any broker. Browsing reads every message, so it stops at
 * {@code limit} (the count is then "at least limit") and {@link QueueMeters} caches the result between scrapes.
 * Messages in flight in a consumer's open transaction are not visible to a browser, so the count can be lower
 * than the broker's own by up to the number of consumers.
 */
public final class BrowsingQueueCounter implements QueueCounter {

    private static final Logger LOG = LoggerFactory.getLogger(BrowsingQueueCounter.class);

    private final ConnectionFactory connections;
    private final int limit;
    private volatile boolean warned;

    public BrowsingQueueCounter(ConnectionFactory connections, int limit) {
        this.connections = connections;
        this.limit = limit;
    }

    @Override
    public double count(String queue) {
        try (Connection connection = connections.createConnection();
             Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
             QueueBrowser browser = session.createBrowser(session.createQueue(queue))) {
            connection.start();
            Enumeration<?> messages = browser.getEnumeration();
            int n = 0;
            while (n < limit && messages.hasMoreElements()) {
                messages.nextElement();
                n++;
            }
            warned = false;
            return n;
        } catch (JMSException | RuntimeException e) {
            if (!warned) { // once per outage, not at every scrape
                warned = true;
                LOG.warn("cannot count queue {} by browsing: {}", queue, e.toString());
            }
            return Double.NaN;
        }
    }

    @Override
    public String how() {
        return "browsed over JMS, at most " + limit;
    }
}
