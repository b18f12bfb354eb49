package id.ossgateway.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The HTTP client towards OSS: one pool of keep-alive connections sized to the delivery's concurrency, no
 * redirects, no automatic retries (the delivery decides what is retried), and replies read up to a bound.
 */
@Component
class OssHttp implements DisposableBean {

    /** OSS answers with a small JSON object; anything longer is cut, never read whole into memory. */
    static final int MAX_REPLY_BYTES = 64 * 1024;

    private final CloseableHttpClient client;
    private final OssCredentials credentials;

    OssHttp(OssProperties oss, OssCredentials credentials, DeliveryProperties delivery) {
        this.credentials = credentials;
        int connections = Math.max(oss.maxConnections(), delivery.concurrency());
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(connections)
                        .setMaxConnPerRoute(connections)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(oss.connectTimeout()))
                                .setSocketTimeout(Timeout.of(oss.responseTimeout()))
                                .build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(Timeout.of(oss.connectTimeout()))
                        .setResponseTimeout(Timeout.of(oss.responseTimeout()))
                        .setRedirectsEnabled(false)
                        .build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .build();
    }

    /** A reply: HTTP status, body (at most {@link #MAX_REPLY_BYTES}) and the Retry-After header, if any. */
    record Reply(int status, String body, String retryAfter) {
    }

    Reply post(String url, byte[] json) throws IOException {
        HttpPost post = new HttpPost(url);
        post.setHeader("user_key", credentials.userKey());
        post.setHeader("Accept", "application/json");
        post.setEntity(new ByteArrayEntity(json, ContentType.APPLICATION_JSON));
        return client.execute(post, response -> {
            Header retryAfter = response.getFirstHeader("Retry-After");
            String body = "";
            if (response.getEntity() != null) {
                try (InputStream in = response.getEntity().getContent()) {
                    body = new String(in.readNBytes(MAX_REPLY_BYTES), StandardCharsets.UTF_8);
                }
            }
            return new Reply(response.getCode(), body, retryAfter == null ? null : retryAfter.getValue());
        });
    }

    @Override
    public void destroy() throws IOException {
        client.close();
    }
}
