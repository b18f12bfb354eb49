package id.ossgateway.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import id.ossgateway.envelope.Envelope;
import id.ossgateway.envelope.EnvelopeCodec;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jms.support.JmsUtils;
import org.springframework.stereotype.Component;

/**
 * The JMS side of dead-letter operations: browsing the dead-letter queue without consuming, and taking one
 * message out of it by its gateway message id (a JMS selector) inside a JMS transaction.
 */
@Component
class DeadLetterQueue {

    /** Message ids are UUIDs; anything else could change the meaning of the selector it goes into. */
    static final Pattern MESSAGE_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final long FIRST_RECEIVE_MILLIS = 2000;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Work done with the copies taken out of the queue; may send within the same session. */
    interface Taken<T> {
        T apply(Session session, List<Message> copies) throws JMSException;
    }

    private final ConnectionFactory connections;
    private final String queue;

    DeadLetterQueue(ConnectionFactory connectionFactory, DeliveryProperties delivery) {
        this.connections = connectionFactory;
        this.queue = delivery.deadLetterQueue();
    }

    String name() {
        return queue;
    }

    /** The oldest {@code limit} dead letters, left where they are. */
    List<DeadLetter> browse(int limit) {
        try (Connection c = connections.createConnection();
             Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
             QueueBrowser browser = session.createBrowser(session.createQueue(queue))) {
            c.start();
            List<DeadLetter> found = new ArrayList<>();
            for (Object m : Collections.list(browser.getEnumeration())) {
                if (found.size() >= limit) {
                    break;
                }
                found.add(view((Message) m));
            }
            return found;
        } catch (JMSException e) {
            throw JmsUtils.convertJmsAccessException(e);
        }
    }

    /**
     * Takes every copy of one message out of the dead-letter queue and hands them to {@code work}, in one JMS
     * transaction: committed when the work returns, rolled back (the copies stay) when it throws. Empty when
     * no copy is there. The commit happens here, before a database transaction around the call commits: a
     * crash between the two leaves the message on its new queue with a journal that catches up on delivery,
     * never a message that is nowhere.
     */
    <T> Optional<T> take(String messageId, Taken<T> work) {
        if (!MESSAGE_ID.matcher(messageId).matches()) {
            throw new IllegalArgumentException("not a message id: " + messageId);
        }
        try (Connection c = connections.createConnection();
             Session session = c.createSession(true, Session.SESSION_TRANSACTED);
             MessageConsumer consumer = session.createConsumer(session.createQueue(queue),
                     DeadLetters.MESSAGE_ID + " = '" + messageId + "'")) {
            c.start();
            try {
                List<Message> copies = new ArrayList<>();
                Message m = consumer.receive(FIRST_RECEIVE_MILLIS);
                while (m != null) {
                    copies.add(m);
                    m = consumer.receiveNoWait();
                }
                if (copies.isEmpty()) {
                    session.rollback();
                    return Optional.empty();
                }
                T result = work.apply(session, copies);
                session.commit();
                return Optional.ofNullable(result);
            } catch (JMSException | RuntimeException e) {
                session.rollback();
                throw e;
            }
        } catch (JMSException e) {
            throw JmsUtils.convertJmsAccessException(e);
        }
    }

    static DeadLetter view(Message m) throws JMSException {
        Envelope e = envelope(m).orElse(null);
        JsonNode history = history(m.getStringProperty(DeadLetters.ATTEMPTS));
        int attempts = history.isEmpty() ? 0 : history.get(history.size() - 1).path("attempt").asInt(history.size());
        String at = m.getStringProperty(DeadLetters.DEAD_LETTERED_AT);
        return new DeadLetter(m.getStringProperty(DeadLetters.MESSAGE_ID),
                e == null ? m.getStringProperty(DeadLetters.GROUP) : e.businessKey(),
                e == null ? null : e.systemId(), e == null ? null : e.method().path(),
                m.getStringProperty(DeadLetters.REASON), intProperty(m, DeadLetters.HTTP_STATUS),
                intProperty(m, DeadLetters.OSS_KODE), m.getStringProperty(DeadLetters.OSS_KETERANGAN), attempts, history,
                at == null ? Instant.ofEpochMilli(m.getJMSTimestamp()) : Instant.parse(at),
                m.getStringProperty(DeadLetters.ORIGINAL_QUEUE));
    }

    /** The envelope a dead letter carries; empty for a body that is not one (it was dead-lettered for that). */
    static Optional<Envelope> envelope(Message m) throws JMSException {
        if (!(m instanceof TextMessage text) || text.getText() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(EnvelopeCodec.read(text.getText()));
        } catch (EnvelopeCodec.MalformedEnvelopeException e) {
            return Optional.empty();
        }
    }

    private static JsonNode history(String json) {
        try {
            return json == null ? JsonNodeFactory.instance.arrayNode() : JSON.readTree(json);
        } catch (Exception e) {
            return JsonNodeFactory.instance.arrayNode();
        }
    }

    private static Integer intProperty(Message m, String name) throws JMSException {
        Object value = m.getObjectProperty(name);
        return value instanceof Number n ? n.intValue() : value == null ? null : Integer.valueOf(value.toString());
    }
}
