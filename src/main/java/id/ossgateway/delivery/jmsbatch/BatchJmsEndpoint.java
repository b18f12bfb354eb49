package id.ossgateway.delivery.jmsbatch;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/** A queue consumed in transacted batches. Consumer only: sending goes through the JMS component. */
@UriEndpoint(firstVersion = "4.17.0", scheme = "jms-batch", title = "JMS batch", syntax = "jms-batch:queue",
        consumerOnly = true, category = Category.MESSAGING)
public class BatchJmsEndpoint extends DefaultEndpoint {

    @UriPath(description = "The queue to consume")
    private final String queue;
    @UriParam(defaultValue = "2", description = "Consumer threads, each with its own transacted session")
    private int consumers = 2;
    @UriParam(defaultValue = "64", description = "Most messages in one batch (one broker transaction)")
    private int batchSize = 64;
    @UriParam(defaultValue = "5", description = "How long (ms) a batch waits for more messages after its first")
    private long batchWait = 5;
    @UriParam(defaultValue = "1000", description = "How long (ms) a consumer waits for a first message")
    private long receiveTimeout = 1000;

    BatchJmsEndpoint(String uri, BatchJmsComponent component, String queue) {
        super(uri, component);
        this.queue = queue;
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException("jms-batch only consumes; send with the jms component");
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        BatchJmsConsumer consumer = new BatchJmsConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    public BatchJmsComponent getComponent() {
        return (BatchJmsComponent) super.getComponent();
    }

    public String getQueue() {
        return queue;
    }

    public int getConsumers() {
        return consumers;
    }

    public void setConsumers(int consumers) {
        this.consumers = consumers;
    }

    public int getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    public long getBatchWait() {
        return batchWait;
    }

    public void setBatchWait(long batchWait) {
        this.batchWait = batchWait;
    }

    public long getReceiveTimeout() {
        return receiveTimeout;
    }

    public void setReceiveTimeout(long receiveTimeout) {
        this.receiveTimeout = receiveTimeout;
    }
}
