package id.ossgateway.secret;

import id.ossgateway.GatewayProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@link SecretBox} under the configured master key. */
@Configuration(proxyBeanMethods = false)
class SecretConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecretConfiguration.class);

    @Bean
    SecretBox secretBox(SecretProperties properties, GatewayProperties gateway) {
        return new SecretBox(decode(masterKey(properties, gateway)),
                properties.previousKeys().stream().map(SecretConfiguration::decode).toList());
    }

    private static String masterKey(SecretProperties properties, GatewayProperties gateway) {
        if (properties.masterKey() != null && !properties.masterKey().isBlank()) {
            return properties.masterKey();
        }
        Path file = properties.masterKeyFile() != null ? properties.masterKeyFile()
                : gateway.dataDir().resolve("master.key");
        try {
            if (!Files.exists(file)) {
                // the embedded run makes its own key; production points gateway.secrets.* at a managed one
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                Files.createDirectories(file.toAbsolutePath().getParent());
                Files.writeString(file, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII);
                restrict(file);
                log.warn("created a new master key in {}: back it up, credentials in the state database are"
                        + " unreadable without it", file);
            }
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the master key file " + file, e);
        }
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the folder's ACL applies
        }
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the master key is not base64 (expected base64 of 32 random bytes)");
        }
    }
}
