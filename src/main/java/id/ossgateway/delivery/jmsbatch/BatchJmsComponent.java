package id.ossgateway.delivery.jmsbatch;

import jakarta.jms.ConnectionFactory;
import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

/** {@code jms-batch:queueName?consumers=2&batchSize=64&batchWait=5&receiveTimeout=1000}; see the package. */
public class BatchJmsComponent extends DefaultComponent {

    private final ConnectionFactory connectionFactory;

    public BatchJmsComponent(ConnectionFactory connectionFactory) {
        this.connectionFactory = connectionFactory;
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        BatchJmsEndpoint endpoint = new BatchJmsEndpoint(uri, this, remaining);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    ConnectionFactory connectionFactory() {
        return connectionFactory;
    }
}
