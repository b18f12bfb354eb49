package id.ossgateway.delivery.jmsbatch;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Suspendable;
import org.apache.camel.support.DefaultConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumer threads, each with its own connection-shared transacted session: receive a batch, process it as
 * one exchange, commit or roll back. Suspending (a circuit breaker does) lets the current batches finish and
 * stops receiving; nothing is left half-done.
 */
public class BatchJmsConsumer extends DefaultConsumer implements Suspendable {

    /** Exchange property: the {@link Session} of the batch, to send in the same transaction. */
    public static final String SESSION = "GatewayJmsBatchSession";
    /**
     * Exchange property: a {@link java.util.function.BooleanSupplier} that turns true when the consumer is
     * stopping, so that a batch waiting (a retry's backoff) gives up and rolls back instead of holding the stop.
     */
    public static final String STOPPING = "GatewayJmsBatchStopping";

    private static final Logger LOG = LoggerFactory.getLogger(BatchJmsConsumer.class);

    private final BatchJmsEndpoint endpoint;
    private final List<Thread> threads = new ArrayList<>();
    private volatile Connection connection;
    private volatile boolean running;
    private volatile boolean paused;
    private final Object pause = new Object();

    BatchJmsConsumer(BatchJmsEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        connection = endpoint.getComponent().connectionFactory().createConnection();
        connection.start();
        running = true;
        for (int i = 0; i < endpoint.getConsumers(); i++) {
            Thread t = new Thread(this::consume, "JmsBatchConsumer[" + endpoint.getQueue() + "]-" + (i + 1));
            t.start();
            threads.add(t);
        }
    }

    @Override
    protected void doStop() throws Exception {
        running = false;
        synchronized (pause) {
            pause.notifyAll();
        }
        for (Thread t : threads) {
            t.join(TimeUnit.SECONDS.toMillis(60)); // a batch in flight finishes (and commits or rolls back)
        }
        threads.clear();
        if (connection != null) {
            connection.close();
        }
        super.doStop();
    }

    @Override
    protected void doSuspend() {
        paused = true;
    }

    @Override
    protected void doResume() {
        synchronized (pause) {
            paused = false;
            pause.notifyAll();
        }
    }

    private void consume() {
        while (running) {
            try (Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
                 MessageConsumer consumer = session.createConsumer(session.createQueue(endpoint.getQueue()))) {
                while (running) {
                    awaitResumed();
                    List<Message> batch = receive(consumer);
                    if (!batch.isEmpty()) {
                        process(session, batch);
                    }
                }
            } catch (JMSException | RuntimeException e) {
                if (running) {
                    // the broker went away (a restart, a failover): open a new session after a pause
                    LOG.warn("batch consumer of {} failed, reconnecting: {}", endpoint.getQueue(), e.toString());
                    sleep(1000);
                }
            }
        }
    }

    private List<Message> receive(MessageConsumer consumer) throws JMSException {
        List<Message> batch = new ArrayList<>(endpoint.getBatchSize());
        Message first = consumer.receive(endpoint.getReceiveTimeout());
        if (first == null) {
            return batch;
        }
        batch.add(first);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(endpoint.getBatchWait());
        while (batch.size() < endpoint.getBatchSize()) {
            Message next = consumer.receiveNoWait();
            if (next == null) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0 || (next = consumer.receive(left)) == null) {
                    break;
                }
            }
            batch.add(next);
        }
        return batch;
    }

    private void process(Session session, List<Message> batch) throws JMSException {
        Exchange exchange = createExchange(false);
        exchange.getMessage().setBody(batch);
        exchange.setProperty(SESSION, session);
        exchange.setProperty(STOPPING, (java.util.function.BooleanSupplier) () -> !running);
        try {
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        if (exchange.getException() != null || exchange.isRollbackOnly()) {
            if (exchange.getException() != null) {
                getExceptionHandler().handleException("batch of " + batch.size() + " rolled back", exchange,
                        exchange.getException());
            }
            session.rollback();
        } else {
            session.commit();
        }
        releaseExchange(exchange, false);
    }

    private void awaitResumed() {
        synchronized (pause) {
            while (paused && running) {
                try {
                    pause.wait(1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis); // waiting for a broker to come back, not synchronising anything
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
