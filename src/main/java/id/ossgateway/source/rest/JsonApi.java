package id.ossgateway.source.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Component;

/**
 * GETs one page of an OPD's JSON API: authenticated, within the timeouts, no faster than the source's
 * polite interval, and either a parsed JSON reply or a {@link RestPullFailure} saying why not.
 *
 * <p>The JDK's {@link HttpClient} rather than Camel's http component: a poll is a loop of dependent requests
 * (the next page, cursor or link comes from the previous reply, the position moves between pages) inside one
 * bean, with per-source timeouts and each failure told apart for the operator; through a producer template and
 * Camel's exception mapping that would be more code saying less.
 */
@Component
class JsonApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<Duration, HttpClient> clients = new ConcurrentHashMap<>();
    private final Map<String, Long> lastRequest = new ConcurrentHashMap<>();

    /** A parsed reply and where it came from (to resolve relative next links). */
    record Reply(URI uri, JsonNode body) {
    }

    Reply get(RestPullSpec spec, URI uri) {
        waitPolitely(spec);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET().timeout(spec.readTimeout())
                .header("Accept", "application/json");
        authenticate(spec, request);
        HttpResponse<byte[]> response;
        try {
            response = send(spec, request.build());
        } catch (HttpConnectTimeoutException e) {
            throw new RestPullFailure("no connection within " + spec.connectTimeout().toMillis() + " ms to "
                    + Urls.safe(uri));
        } catch (HttpTimeoutException | TimeoutException e) {
            throw new RestPullFailure("no reply within " + spec.readTimeout().toMillis() + " ms (readTimeout) from "
                    + Urls.safe(uri));
        } catch (ConnectException e) {
            throw new RestPullFailure("cannot connect to " + Urls.safe(uri) + ": " + e.getMessage());
        } catch (IOException e) {
            throw new RestPullFailure("request to " + Urls.safe(uri) + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RestPullFailure("interrupted while calling " + Urls.safe(uri));
        } finally {
            lastRequest.put(spec.sourceId(), System.nanoTime());
        }
        String contentType = response.headers().firstValue("Content-Type").orElse("no content type");
        int status = response.statusCode();
        if (status < 200 || status >= 300) {
            String location = response.headers().firstValue("Location").map(l -> ", redirect to " + l).orElse("");
            throw new RestPullFailure("HTTP " + status + " (" + contentType + location + ") from " + Urls.safe(uri));
        }
        String text = new String(response.body(), charset(contentType)).replace("\uFEFF", "").strip();
        try {
            // legacy PHP apps often label JSON text/html: the body decides, the label goes into the reason
            return new Reply(uri, JSON.readTree(text));
        } catch (JsonProcessingException e) {
            String looks = text.startsWith("<") ? "an HTML page (a login or error page?)"
                    : text.isEmpty() ? "empty" : "not JSON";
            throw new RestPullFailure("reply is " + looks + ", not JSON (HTTP " + status + ", " + contentType
                    + ") from " + Urls.safe(uri));
        }
    }

    /**
     * The request's own timeout ends when the headers arrive; a server that then trickles the body must not
     * hold the poll either, so the whole exchange is bounded by readTimeout as well.
     */
    private HttpResponse<byte[]> send(RestPullSpec spec, HttpRequest request)
            throws IOException, InterruptedException, TimeoutException {
        CompletableFuture<HttpResponse<byte[]>> reply = client(spec.connectTimeout())
                .sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        try {
            return reply.get(spec.connectTimeout().plus(spec.readTimeout()).toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause());
        } finally {
            reply.cancel(true);
        }
    }

    private static void authenticate(RestPullSpec spec, HttpRequest.Builder request) {
        switch (spec.auth()) {
            case API_KEY -> request.header(spec.authHeader(), spec.secret());
            case BASIC -> request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (spec.username() + ":" + spec.secret()).getBytes(StandardCharsets.UTF_8)));
            case BEARER -> request.header("Authorization", "Bearer " + spec.secret());
            case NONE -> { }
        }
    }

    /** Small office servers: at most one request per minInterval from this source, across polls. */
    private void waitPolitely(RestPullSpec spec) {
        Long last = lastRequest.get(spec.sourceId());
        if (last == null || spec.minInterval().isZero()) {
            return;
        }
        long waitNanos = spec.minInterval().toNanos() - (System.nanoTime() - last);
        if (waitNanos > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(waitNanos); // pacing the legacy server is the point here
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RestPullFailure("interrupted while pacing requests to " + Urls.safe(spec.url()));
            }
        }
    }

    private HttpClient client(Duration connectTimeout) {
        return clients.computeIfAbsent(connectTimeout, t -> HttpClient.newBuilder()
                .connectTimeout(t)
                // HTTP/1.1: no h2c upgrade attempt that some old office servers answer wrongly
                .version(HttpClient.Version.HTTP_1_1)
                // a redirect is usually a login page; following it could carry the credentials elsewhere
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
    }

    private static Charset charset(String contentType) {
        for (String part : contentType.split(";")) {
            String p = part.strip().toLowerCase(Locale.ROOT);
            if (p.startsWith("charset=")) {
                try {
                    return Charset.forName(p.substring(8).replace("\"", ""));
                } catch (RuntimeException e) {
                    return StandardCharsets.UTF_8;
                }
            }
        }
        return StandardCharsets.UTF_8;
    }
}
