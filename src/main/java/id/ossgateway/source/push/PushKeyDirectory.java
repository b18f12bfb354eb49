package id.ossgateway.source.push;

import java.util.Optional;

/**
 * Push systems known elsewhere than in {@code gateway.push.systems} (the registry): the SHA-256 of the
 * current API key of a system that may push now, or empty.
 */
public interface PushKeyDirectory {

    Optional<String> activeKeySha256(String systemId);
}
