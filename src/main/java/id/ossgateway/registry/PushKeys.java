package id.ossgateway.registry;

import id.ossgateway.security.Caller;
import id.ossgateway.source.push.PushKeyDirectory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * API keys of registered REST_PUSH systems: issued to the OPD (shown once), stored as SHA-256, and looked up
 * by the inbound API — only while the system is ACTIVE.
 */
@Component
public class PushKeys implements PushKeyDirectory {

    private final Registry registry;
    private final SecureRandom random = new SecureRandom();

    PushKeys(Registry registry) {
        this.registry = registry;
    }

    /** A new key for a REST_PUSH system, replacing the previous one; returned once, only its hash is kept. */
    public String issue(Caller caller, String systemId) {
        RegistryStore.Row row = registry.visible(caller, systemId);
        if (row.system().kind() != SystemKind.REST_PUSH) {
            throw RegistryException.conflict("system " + systemId + " is " + row.system().kind() + ", not REST_PUSH");
        }
        if (row.system().state() == SystemState.RETIRED) {
            throw RegistryException.conflict("system " + systemId + " is retired");
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String key = "opd_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        OpdSystem s = row.system();
        registry.save(caller, row, s, row.sealedSecrets(), sha256Hex(key), "system.push-key-issued",
                "a new push key replaces the previous one");
        return key;
    }

    @Override
    public Optional<String> activeKeySha256(String systemId) {
        return registry.activeRow(systemId).map(RegistryStore.Row::pushKeyHash);
    }

    static String sha256Hex(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
