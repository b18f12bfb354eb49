package id.ossgateway.registry;

import id.ossgateway.secret.SecretBox;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * A system's credentials, sealed as one ciphertext bound to the system id: what is stored is never the
 * plaintext, and a ciphertext copied to another system's row does not open.
 */
@Component
class SystemSecrets {

    private final SecretBox box;

    SystemSecrets(SecretBox box) {
        this.box = box;
    }

    String seal(String systemId, Map<String, String> secrets) {
        return secrets.isEmpty() ? null : box.seal(RegistryStore.json(secrets), "opd_system:" + systemId);
    }

    Map<String, String> open(String systemId, String sealed) {
        return sealed == null ? new TreeMap<>() : new TreeMap<>(RegistryStore.parse(box.open(sealed, "opd_system:" + systemId)));
    }

    boolean isCurrent(String sealed) {
        return sealed == null || box.isCurrent(sealed);
    }
}
