package id.ossgateway.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

    private final byte[] oldKey = key();
    private final byte[] newKey = key();

    @Test
    void aSealedValueOpensAndHoldsNoPlaintext() {
        SecretBox box = new SecretBox(oldKey, List.of());
        String sealed = box.seal("rahasia-Dinkes-2026", "opd_system:dinkes");
        assertThat(sealed).doesNotContain("rahasia");
        assertThat(new String(Base64.getDecoder().decode(sealed.substring(9)), StandardCharsets.ISO_8859_1))
                .doesNotContain("rahasia");
        assertThat(box.open(sealed, "opd_system:dinkes")).isEqualTo("rahasia-Dinkes-2026");
        assertThat(box.seal("x", "a")).isNotEqualTo(box.seal("x", "a")); // a fresh IV every time
    }

    @Test
    void aValueMovedToAnotherSystemOrTamperedDoesNotOpen() {
        SecretBox box = new SecretBox(oldKey, List.of());
        String sealed = box.seal("rahasia", "opd_system:dinkes");
        assertThatThrownBy(() -> box.open(sealed, "opd_system:dishub")).hasMessageContaining("does not decrypt");
        char[] c = sealed.toCharArray();
        c[c.length - 3] = c[c.length - 3] == 'A' ? 'B' : 'A';
        assertThatThrownBy(() -> box.open(new String(c), "opd_system:dinkes")).hasMessageContaining("does not decrypt");
    }

    @Test
    void afterARotationOldValuesOpenWithThePreviousKeyAndNewOnesUseTheNewKey() {
        String sealedOld = new SecretBox(oldKey, List.of()).seal("rahasia", "s");
        SecretBox rotated = new SecretBox(newKey, List.of(oldKey));
        assertThat(rotated.isCurrent(sealedOld)).isFalse();
        assertThat(rotated.open(sealedOld, "s")).isEqualTo("rahasia");
        String resealed = rotated.seal(rotated.open(sealedOld, "s"), "s");
        assertThat(rotated.isCurrent(resealed)).isTrue();
        assertThatThrownBy(() -> new SecretBox(newKey, List.of()).open(sealedOld, "s"))
                .hasMessageContaining("unknown master key");
    }

    @Test
    void aKeyOfTheWrongLengthIsRefused() {
        assertThatThrownBy(() -> new SecretBox(new byte[16], List.of())).hasMessageContaining("32 bytes");
    }

    private static byte[] key() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return k;
    }
}
