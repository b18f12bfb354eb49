package id.ossgateway.registry.check;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;

/**
 * Tests a REST_PULL system: one GET with the configured authentication, expecting JSON. Redirects are
 * not followed (a redirect could lead past the guard) and no proxy is used, so the request goes to the
 * approved host. The client resolves the name again; that short window is accepted, since pinning the
 * address would break TLS host name checks.
 */
final class RestPullProbe {

    /** Enough to tell JSON from an HTML error page without reading a whole export. */
    private static final int MAX_BODY = 1 << 20;
    private static final JsonFactory JSON = new JsonFactory();

    private final OutboundGuard guard;
    private final int timeoutSeconds;
    private final HttpClient client;

    RestPullProbe(OutboundGuard guard, int timeoutSeconds) {
        this.guard = guard;
        this.timeoutSeconds = timeoutSeconds;
        this.client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(timeoutSeconds))
                .followRedirects(HttpClient.Redirect.NEVER)
                .proxy(HttpClient.Builder.NO_PROXY)
                .build();
    }

    Verdict test(CheckSettings settings) throws BadSettingsException, RefusedTargetException, UnknownHostException {
        URI uri = uri(settings.required("url"));
        RestAuth auth = RestAuth.of(settings);
        guard.check(uri.getHost());
        String where = uri.getHost() + (uri.getRawPath() == null ? "" : uri.getRawPath());
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET()
                .timeout(Duration.ofSeconds(timeoutSeconds))
                .header("Accept", "application/json");
        auth.headers().forEach(request::header);
        int port = uri.getPort() > 0 ? uri.getPort() : uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
        try {
            HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                return judge(response, body.readNBytes(MAX_BODY + 1), where);
            }
        } catch (IOException e) {
            return NetworkErrors.verdict(e, "REST service", uri.getHost(), port, timeoutSeconds)
                    .orElse(Verdict.failed(VerdictCode.HTTP_ERROR, "The request to " + where + " failed: "
                            + settings.redact(e.getMessage())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return NetworkErrors.timeout("REST service", uri.getHost(), port, timeoutSeconds);
        }
    }

    private static Verdict judge(HttpResponse<InputStream> response, byte[] body, String where) {
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            return Verdict.failed(VerdictCode.AUTH_FAILED, "GET " + where + " answered " + status + ": the service"
                    + " did not accept the credentials; check authKind, authHeader, username and the secret.");
        }
        if (status >= 300 && status < 400) {
            return Verdict.failed(VerdictCode.HTTP_ERROR, "GET " + where + " answered " + status + " (a redirect);"
                    + " the gateway does not follow redirects, enter the final address in 'url'.");
        }
        if (status < 200 || status >= 300) {
            return Verdict.failed(VerdictCode.HTTP_ERROR, "GET " + where + " answered HTTP " + status
                    + (status >= 500 ? ", an error on the OPD's server." : "; check the 'url' setting."));
        }
        if (!isJson(body)) {
            String type = response.headers().firstValue("Content-Type").orElse("no content type");
            return Verdict.failed(VerdictCode.NOT_JSON, "GET " + where + " answered " + status + " but the body is"
                    + " not JSON (" + type + "); the url must lead to the JSON data, not a web page.");
        }
        return Verdict.ok("GET " + where + " answered " + status + " with JSON.");
    }

    /** True when the body parses as JSON; a body cut at the size limit only has to parse so far. */
    private static boolean isJson(byte[] body) {
        boolean cut = body.length > MAX_BODY;
        try (JsonParser parser = JSON.createParser(body, 0, Math.min(body.length, MAX_BODY))) {
            if (parser.nextToken() == null) {
                return false;
            }
            while (parser.nextToken() != null) {
                // reading every token is the check
            }
            return true;
        } catch (JsonEOFException e) {
            return cut;
        } catch (IOException e) {
            return false;
        }
    }

    private static URI uri(String text) throws BadSettingsException {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new BadSettingsException("Setting 'url' is not a valid address.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new BadSettingsException("Setting 'url' must start with http:// or https://.");
        }
        if (uri.getRawUserInfo() != null) {
            throw new BadSettingsException("Setting 'url' must not contain credentials; use authKind and the secret.");
        }
        if (uri.getHost() == null) {
            throw new BadSettingsException("Setting 'url' must name a host.");
        }
        return uri;
    }
}
