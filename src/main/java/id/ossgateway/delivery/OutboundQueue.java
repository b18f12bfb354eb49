package id.ossgateway.delivery;

import id.ossgateway.envelope.Envelope;
import id.ossgateway.envelope.EnvelopeCodec;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.List;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jms.connection.CachingConnectionFactory;
import org.springframework.jms.support.JmsUtils;
import org.springframework.stereotype.Component;

/**
 * Puts envelopes on the outbound queue: persistent, grouped by {@code id_izin}, and a whole batch in one
 * JMS transaction. One commit (one journal sync) per poll batch instead of per record is where ingest
 * throughput comes from; durability is the same, because nothing is acknowledged to the source (no
 * watermark moves, no file is marked done, no 202 is sent) before the commit returns.
 */
@Component
public class OutboundQueue implements DisposableBean {

    static final String GROUP = "JMSXGroupID";
    static final String MESSAGE_ID = "GatewayMessageId";
    static final String SYSTEM_ID = "GatewaySystemId";
    static final String METHOD = "GatewayPiaMethod";

    private final CachingConnectionFactory connections;
    private final String queue;

    public OutboundQueue(ConnectionFactory connectionFactory, DeliveryProperties delivery) {
        // producer sessions are reused between batches; consumers keep their own (CACHE_CONSUMER)
        this.connections = new CachingConnectionFactory(connectionFactory);
        this.connections.setSessionCacheSize(4);
        this.queue = delivery.queue();
    }

    /** Sends all envelopes or none. */
    public void enqueue(List<Envelope> envelopes) {
        if (envelopes.isEmpty()) {
            return;
        }
        try {
            Connection connection = connections.createConnection();
            try (Session session = connection.createSession(true, Session.SESSION_TRANSACTED)) {
                try {
                    MessageProducer producer = session.createProducer(session.createQueue(queue));
                    producer.setDeliveryMode(DeliveryMode.PERSISTENT);
                    for (Envelope e : envelopes) {
                        producer.send(toMessage(session, e));
                    }
                    session.commit();
                } catch (JMSException | RuntimeException e) {
                    session.rollback();
                    throw e;
                }
            }
        } catch (JMSException e) {
            throw JmsUtils.convertJmsAccessException(e);
        }
    }

    static TextMessage toMessage(Session session, Envelope e) throws JMSException {
        TextMessage m = session.createTextMessage(EnvelopeCodec.write(e));
        if (e.businessKey() != null) {
            m.setStringProperty(GROUP, e.businessKey());
        }
        m.setStringProperty(MESSAGE_ID, e.messageId());
        m.setStringProperty(SYSTEM_ID, e.systemId());
        m.setStringProperty(METHOD, e.method().path());
        return m;
    }

    @Override
    public void destroy() {
        connections.destroy();
    }
}
