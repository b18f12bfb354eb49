package id.ossgateway.registry.check;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A JDK HTTP server on 127.0.0.1 playing an OPD's REST export: {@code /izin} answers JSON when the
 * request carries {@code expectedHeader: expectedValue}, 401 otherwise; {@code /page} answers HTML,
 * {@code /broken} 500, {@code /moved} a redirect.
 */
final class RestTestServer implements AutoCloseable {

    private final HttpServer server;

    RestTestServer(String expectedHeader, String expectedValue) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/izin", exchange -> {
            String given = exchange.getRequestHeaders().getFirst(expectedHeader);
            if (expectedValue.equals(given)) {
                reply(exchange, 200, "application/json", "[{\"nib\":\"8120000000001\",\"kd_izin\":\"000000000001\"}]");
            } else {
                reply(exchange, 401, "application/json", "{\"error\":\"unauthorised\"}");
            }
        });
        server.createContext("/page", exchange -> reply(exchange, 200, "text/html", "<html><body>Login</body></html>"));
        server.createContext("/broken", exchange -> reply(exchange, 500, "text/plain", "database down"));
        server.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data/");
            reply(exchange, 302, "text/plain", "");
        });
        server.start();
    }

    static String basic(String user, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private static void reply(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
