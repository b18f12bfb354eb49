package id.ossgateway.osssim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The OSS simulator on its own, without Spring: a JDK HTTP server answering
 * {@code POST /oss-sim/v1/kl/rba/{method}} exactly like the embedded one. For tests that must keep
 * counting while the gateway process is killed and restarted, and for integrators who want a sandbox
 * without the gateway: {@code java -cp <classpath> id.ossgateway.osssim.StandaloneSimulator 9090}.
 */
public final class StandaloneSimulator implements AutoCloseable {

    private static final String PREFIX = "/oss-sim/v1/kl/rba/";
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    private final HttpServer server;
    private final SimulatorFaults faults;
    private final OssSimulator simulator;

    private StandaloneSimulator(HttpServer server, SimulatorFaults faults, OssSimulator simulator) {
        this.server = server;
        this.faults = faults;
        this.simulator = simulator;
    }

    /** Starts on {@code port} (0: any free port) with the sandbox key and the given faults. */
    public static StandaloneSimulator start(int port, SimulatorProperties.Faults initialFaults) throws IOException {
        Clock clock = Clock.systemUTC();
        SimulatorFaults faults = new SimulatorFaults(initialFaults, ZoneId.of("Asia/Makassar"), clock,
                () -> ThreadLocalRandom.current().nextDouble());
        OssSimulator simulator = new OssSimulator(
                id.ossgateway.delivery.OssCredentials.SANDBOX_KEY, FieldRules.load(List.of("46", "47", "48")), faults,
                new SimulatedOss(ReferenceLists.load()), new SimCallLog(1_000_000), clock, OssSimulator::sleep);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 200);
        StandaloneSimulator standalone = new StandaloneSimulator(server, faults, simulator);
        server.createContext(PREFIX, standalone::handle);
        server.setExecutor(Executors.newFixedThreadPool(32));
        server.start();
        return standalone;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestURI().getPath().substring(PREFIX.length());
            Map<String, List<String>> headers = new java.util.LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v));
            byte[] body = exchange.getRequestBody().readAllBytes();
            SimReply reply = simulator.call(method, headers, body);
            byte[] out = JSON.writeValueAsBytes(reply.body());
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            if (reply.retryAfterSeconds() != null) {
                exchange.getResponseHeaders().set("Retry-After", String.valueOf(reply.retryAfterSeconds()));
            }
            exchange.sendResponseHeaders(reply.status(), out.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(out);
            }
        }
    }

    /** The base URL to give the gateway as {@code gateway.oss.base-url}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/oss-sim/v1/kl/rba";
    }

    /** {@code /oss-sim/_stats} as JSON: calls, accepted, duplicates, acceptedDistinct. */
    public JsonNode stats() {
        return JSON.valueToTree(simulator.stats());
    }

    /** {@code /oss-sim/_calls} as JSON, oldest first. */
    public JsonNode calls(String method) {
        return JSON.valueToTree(simulator.calls(method));
    }

    public void faults(SimulatorProperties.Faults replacement) {
        faults.replace(replacement);
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 9090;
        StandaloneSimulator sim = start(port, SimulatorProperties.Faults.none());
        System.out.println("OSS simulator at " + sim.baseUrl() + " (user_key " + id.ossgateway.delivery.OssCredentials.SANDBOX_KEY + ")");
    }
}
