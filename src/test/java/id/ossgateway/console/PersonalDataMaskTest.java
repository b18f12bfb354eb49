package id.ossgateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PersonalDataMaskTest {

    @Test
    void personalFieldsAreMaskedByNameKeepingTheLastDigitsOrTheMailDomain() {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("nik", "3271014509870001");
        record.put("no_hp", "0812-3456-7890");
        record.put("email_pemohon", "siti.rahma@example.co.id");
        record.put("telp", null);
        assertThat(PersonalDataMask.record(record)).containsExactly(
                Map.entry("nik", "************0001"),
                Map.entry("no_hp", "**********7890"),
                Map.entry("email_pemohon", "s***@example.co.id"),
                new java.util.AbstractMap.SimpleEntry<>("telp", null));
    }

    @Test
    void personalValuesInOtherFieldsAreMaskedByShape() {
        assertThat(PersonalDataMask.value("keterangan", "hubungi 081234567890 atau budi@dinkes.go.id, NIK 3271014509870001"))
                .isEqualTo("hubungi *********890 atau b***@dinkes.go.id, NIK ************0001");
        assertThat(PersonalDataMask.value("catatan", "+6281234567890")).isEqualTo("***********890");
    }

    @Test
    void businessIdentifiersAndDatesStayReadable() {
        assertThat(PersonalDataMask.value("nib", "9120301234567")).isEqualTo("9120301234567");
        assertThat(PersonalDataMask.value("npwp", "012345678901234")).isEqualTo("012345678901234");
        assertThat(PersonalDataMask.value("nip_status", "198001012005011001")).isEqualTo("198001012005011001");
        assertThat(PersonalDataMask.value("tgl_status", "2008-11-02 10:00:00")).isEqualTo("2008-11-02 10:00:00");
        assertThat(PersonalDataMask.value("kd_izin", "I-012345")).isEqualTo("I-012345");
        // a field named like a personal one but not a whole word of it
        assertThat(PersonalDataMask.value("nikah_status", "KAWIN")).isEqualTo("KAWIN");
    }
}
