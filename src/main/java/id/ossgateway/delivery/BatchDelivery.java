package id.ossgateway.delivery;

import id.ossgateway.delivery.jmsbatch.BatchJmsConsumer;
import id.ossgateway.envelope.Envelope;
import id.ossgateway.envelope.EnvelopeCodec;
import jakarta.jms.Message;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.apache.camel.Exchange;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Delivers one batch of a delivery queue (one broker transaction, see {@code jms-batch}): the documents of
 * one permit one after the other in queue order, different permits in parallel on the delivery workers
 * ({@code gateway.delivery.concurrency}). Dead letters are sent in the batch's own session, so they leave the
 * queue and enter the dead-letter queue in the batch's commit. When a document cannot go on now (the
 * destination's circuit opened, the gateway stops), the whole batch is rolled back onto the queue: what was
 * delivered meanwhile is in the ledger and is recognised, not sent again, when the batch comes back.
 */
@Component("batchDelivery")
class BatchDelivery implements DisposableBean {

    /** Exchange property set by the route: its {@link Destination}. */
    static final String DESTINATION = "GatewayDestination";
    /** Exchange property set by the route: the queue it consumes, where a dead letter is replayed to. */
    static final String QUEUE = "GatewayQueue";

    private final DocumentDelivery documents;
    private final DeadLetters deadLetters;
    private final ExecutorService workers;

    BatchDelivery(DocumentDelivery documents, DeadLetters deadLetters, DeliveryProperties delivery) {
        this.documents = documents;
        this.deadLetters = deadLetters;
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(delivery.concurrency(), r -> {
            Thread t = new Thread(r, "delivery-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    public void deliver(Exchange exchange) throws Exception {
        @SuppressWarnings("unchecked")
        List<Message> batch = exchange.getMessage().getBody(List.class);
        Session session = exchange.getProperty(BatchJmsConsumer.SESSION, Session.class);
        BooleanSupplier stopping = exchange.getProperty(BatchJmsConsumer.STOPPING, BooleanSupplier.class);
        Destination destination = exchange.getProperty(DESTINATION, Destination.class);
        String queue = exchange.getProperty(QUEUE, String.class);

        Map<String, List<Envelope>> byPermit = new LinkedHashMap<>();
        for (Message m : batch) {
            String body = m instanceof TextMessage t ? t.getText() : null;
            try {
                Envelope e = EnvelopeCodec.read(body);
                byPermit.computeIfAbsent(e.businessKey() == null ? e.messageId() : e.businessKey(),
                        k -> new ArrayList<>()).add(e);
            } catch (EnvelopeCodec.MalformedEnvelopeException notOurs) {
                deadLetters.sendMalformed(session, queue, body == null ? "" : body, notOurs.getMessage());
            }
        }
        List<Future<List<Finished>>> permits = new ArrayList<>(byPermit.size());
        for (List<Envelope> documentsOfPermit : byPermit.values()) {
            permits.add(workers.submit(() -> deliverInOrder(documentsOfPermit, destination, stopping)));
        }
        List<Finished> finished = new ArrayList<>(batch.size());
        Exception failure = null;
        for (Future<List<Finished>> permit : permits) {
            try {
                finished.addAll(permit.get());
            } catch (ExecutionException e) {
                failure = e.getCause() instanceof Exception ex ? ex : new IllegalStateException(e.getCause());
            }
        }
        if (failure != null) {
            throw failure; // the consumer rolls the batch back
        }
        if (finished.stream().anyMatch(f -> f.outcome() instanceof DocumentDelivery.Outcome.Paused)) {
            exchange.setRollbackOnly(true);
            return;
        }
        for (Finished f : finished) {
            if (f.outcome() instanceof DocumentDelivery.Outcome.Dead dead) {
                deadLetters.send(session, queue, f.envelope(), dead.verdict());
            }
        }
    }

    /** One permit's documents, in queue order; a paused one holds back those after it. */
    private List<Finished> deliverInOrder(List<Envelope> documentsOfPermit, Destination destination,
                                          BooleanSupplier stopping) {
        List<Finished> finished = new ArrayList<>(documentsOfPermit.size());
        for (Envelope e : documentsOfPermit) {
            MessageIdMdc.put(e.messageId());
            try {
                DocumentDelivery.Outcome outcome = documents.deliver(e, destination, stopping);
                finished.add(new Finished(e, outcome));
                if (outcome instanceof DocumentDelivery.Outcome.Paused) {
                    break;
                }
            } finally {
                MessageIdMdc.clear();
            }
        }
        return finished;
    }

    private record Finished(Envelope envelope, DocumentDelivery.Outcome outcome) {
    }

    @Override
    public void destroy() {
        workers.shutdownNow();
    }
}
