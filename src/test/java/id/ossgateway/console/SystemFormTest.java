package id.ossgateway.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.ossgateway.registry.SystemKind;
import id.ossgateway.registry.SystemRequest;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SystemFormTest {

    @Test
    void theFormHasAFieldForEveryCredentialAnyKindTakes() {
        assertThat(SystemForm.CREDENTIALS).containsExactlyInAnyOrderElementsOf(Arrays.stream(SystemKind.values())
                .flatMap(k -> k.secretNames().stream()).distinct().toList());
    }

    @Test
    void settingsLinesAndOnlyTheKindsCredentialsBecomeTheRequest() {
        SystemForm form = new SystemForm(" dinkes-simpel ", "dinkes", "", SystemKind.SQL, "30000",
                "jdbcUrl=jdbc:mariadb://10.1.2.3:3306/simpel?useSsl=true\n\n# a comment\n table = permohonan \n",
                "s3cret", "left-over-from-another-kind", "-----BEGIN OPENSSH PRIVATE KEY----- left over");
        SystemRequest r = form.toRequest();
        assertThat(r.id()).isEqualTo("dinkes-simpel");
        assertThat(r.name()).isNull();
        assertThat(r.scheduleMs()).isEqualTo(30000L);
        assertThat(r.settings()).containsExactly(Map.entry("jdbcUrl", "jdbc:mariadb://10.1.2.3:3306/simpel?useSsl=true"),
                Map.entry("table", "permohonan"));
        assertThat(r.secrets()).containsExactly(Map.entry("password", "s3cret"));
        assertThat(form.withoutCredentials().password()).isEmpty();
    }

    @Test
    void aLineWithoutNameOrEqualsSignIsRefusedWithItsNumber() {
        SystemForm form = new SystemForm("x1", null, null, SystemKind.FOLDER, "", "path=/srv/drop\njust text", "", "", "");
        assertThatThrownBy(form::toRequest).hasMessage("line 2: expected name=value, got \"just text\"");
        SystemForm schedule = new SystemForm("x1", null, null, SystemKind.FOLDER, "soon", "", "", "", "");
        assertThatThrownBy(schedule::toRequest).hasMessageContaining("scheduleMs");
    }
}
