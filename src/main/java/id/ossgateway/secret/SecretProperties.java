package id.ossgateway.secret;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the master key comes from.
 *
 * @param masterKey         base64 of 32 random bytes ({@code GATEWAY_MASTER_KEY}); wins over the file
 * @param masterKeyFile     a file holding that base64 text; when neither is set, the embedded run creates
 *                          {@code <data-dir>/master.key} (owner-only) on first start — production sets one
 * @param previousKeys      base64 keys that were the master key before a rotation, still accepted for reading
 *                          until {@code POST /api/v1/admin/secrets/rotate} re-encrypted everything
 */
@ConfigurationProperties("gateway.secrets")
public record SecretProperties(String masterKey, Path masterKeyFile, List<String> previousKeys) {

    public SecretProperties {
        previousKeys = previousKeys == null ? List.of() : List.copyOf(previousKeys);
    }
}
