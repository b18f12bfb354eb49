package id.ossgateway.delivery;

import org.springframework.stereotype.Component;

/**
 * The agency's {@code user_key}, checked once at start-up so a misconfigured production gateway
 * refuses to start instead of dead-lettering every message with a 401.
 */
@Component
public class OssCredentials {

    /** The key the embedded OSS simulator accepts by default; it opens nothing but the sandbox. */
    public static final String SANDBOX_KEY = "sandbox-demo-key";

    private final String userKey;

    OssCredentials(OssProperties oss) {
        String key = oss.userKey() == null ? "" : oss.userKey().trim();
        if (key.isEmpty()) {
            throw new IllegalStateException("gateway.oss.user-key is empty: set GATEWAY_OSS_USER_KEY to the user_key"
                    + " OSS issued to this agency");
        }
        if (SANDBOX_KEY.equals(key) && !isLocal(oss)) {
            throw new IllegalStateException("gateway.oss.user-key is the sandbox key but gateway.oss.base-url ("
                    + oss.baseUrl() + ") is not the local simulator: set GATEWAY_OSS_USER_KEY");
        }
        this.userKey = key;
    }

    public String userKey() {
        return userKey;
    }

    private static boolean isLocal(OssProperties oss) {
        String host = oss.baseUrl().getHost();
        return "localhost".equals(host) || "127.0.0.1".equals(host) || "[::1]".equals(host);
    }
}
