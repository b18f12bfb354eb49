package id.ossgateway.observability;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;

/** Asks the embedded Artemis broker directly: exact and cheap (a counter the broker keeps anyway). */
final class EmbeddedQueueCounter implements QueueCounter {

    private final EmbeddedActiveMQ broker;

    EmbeddedQueueCounter(EmbeddedActiveMQ broker) {
        this.broker = broker;
    }

    @Override
    public double count(String queue) {
        ActiveMQServer server = broker.getActiveMQServer();
        Queue q = server == null || !server.isActive() ? null : server.locateQueue(SimpleString.of(queue));
        return q == null ? Double.NaN : q.getMessageCount();
    }

    @Override
    public String how() {
        return "embedded broker's message count";
    }
}
