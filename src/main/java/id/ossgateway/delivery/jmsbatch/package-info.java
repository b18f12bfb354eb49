/**
 * A Camel component that consumes a JMS queue in batches: each consumer thread holds one transacted session,
 * receives up to {@code batchSize} messages, hands them to the route as one exchange (body: the list of
 * messages), and commits the session when the exchange completes — or rolls it back when it failed or asked
 * to. One broker commit per batch instead of per message, with the same guarantee: a message leaves the queue
 * only when the route is done with it. The session travels with the exchange, so the route can send (to a
 * dead-letter queue, say) in the same transaction. Modelled on the batching consumer agreed for camel-sjms
 * (CAMEL-16039), which Camel 4.17 does not have yet.
 */
package id.ossgateway.delivery.jmsbatch;
