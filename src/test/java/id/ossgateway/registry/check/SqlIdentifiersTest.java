package id.ossgateway.registry.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class SqlIdentifiersTest {

    @Test
    void acceptsPlainAndSchemaQualifiedNames() throws Exception {
        assertThat(SqlIdentifiers.table("table", "izin_usaha")).isEqualTo("izin_usaha");
        assertThat(SqlIdentifiers.table("table", "perizinan.Izin_2024")).isEqualTo("perizinan.Izin_2024");
        assertThat(SqlIdentifiers.column("keyColumn", "_id")).isEqualTo("_id");
        assertThat(SqlIdentifiers.column("watermarkColumn", "a".repeat(64))).hasSize(64);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "1izin", "izin; drop table x", "izin--", "\"izin\"", "a.b.c", "izin usaha",
        "izin)", "tabel_ñ"})
    void refusesOtherTableNamesNamingTheSetting(String value) {
        assertThatThrownBy(() -> SqlIdentifiers.table("table", value)).isInstanceOf(BadSettingsException.class)
                .hasMessageStartingWith("Setting 'table'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a.b", "updated_at,1", "x'", "a12345678901234567890123456789012345678901234567890123456789012345", "*"})
    void refusesOtherColumnNamesNamingTheSetting(String value) {
        assertThatThrownBy(() -> SqlIdentifiers.column("watermarkColumn", value)).isInstanceOf(BadSettingsException.class)
                .hasMessageStartingWith("Setting 'watermarkColumn' must be a column name");
    }

    @Test
    void saysWhenTheSettingIsMissing() {
        assertThatThrownBy(() -> SqlIdentifiers.column("keyColumn", " ")).hasMessageStartingWith("Setting 'keyColumn' is required");
    }
}
