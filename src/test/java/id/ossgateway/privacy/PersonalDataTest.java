package id.ossgateway.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Masking of personal data by PIA field name and in free text. */
class PersonalDataTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void fieldsNamedForPersonalDataAreMaskedWhereverTheyAreInTheDocument() throws Exception {
        JsonNode masked = PersonalData.mask(JSON.readTree("""
                {"dataNIB": {"nib": "9120301234567", "email_perusahaan": "budi@x.go.id",
                 "nomor_telpon_perseroan": "0370123456", "hp_user_proses": 6281234567890,
                 "nama_sistem_elektronik": "SIMPEL", "jns_identitas_penanggung_jwb": "01",
                 "penanggung_jwb": [{"no_identitas_penanggung_jwb": "3201234567890001", "no_hp_penanggung_jwb": null}],
                 "data_rptka": {"rptka_jabatan": {"rptka_tki_pendamping": {"nik": "3201234567890001", "hp": "0812"}}}}}"""));

        JsonNode nib = masked.path("dataNIB");
        assertThat(nib.path("nib").asText()).isEqualTo("9120301234567");
        assertThat(nib.path("email_perusahaan").asText()).isEqualTo("b***@x.go.id");
        assertThat(nib.path("nomor_telpon_perseroan").asText()).isEqualTo("03******56");
        assertThat(nib.path("hp_user_proses").asText()).isEqualTo("628*******890");
        assertThat(nib.path("nama_sistem_elektronik").asText()).isEqualTo("SIMPEL");
        assertThat(nib.path("jns_identitas_penanggung_jwb").asText()).isEqualTo("01");
        assertThat(nib.path("penanggung_jwb").get(0).path("no_identitas_penanggung_jwb").asText())
                .isEqualTo("3201********0001");
        assertThat(nib.path("penanggung_jwb").get(0).path("no_hp_penanggung_jwb").isNull()).isTrue();
        assertThat(nib.at("/data_rptka/rptka_jabatan/rptka_tki_pendamping/nik").asText()).isEqualTo("3201********0001");
        assertThat(nib.at("/data_rptka/rptka_jabatan/rptka_tki_pendamping/hp").asText()).isEqualTo("0**2");
    }

    @Test
    void freeTextKeepsItsWordsAndLosesAddressesNiksAndMobileNumbers() {
        assertThat(PersonalData.maskText("hubungi Budi (budi.santoso@dinkes.go.id, +6281234567890), NIK 3201234567890001"))
                .isEqualTo("hubungi Budi (b***@dinkes.go.id, +62********890), NIK 3201********0001");
        assertThat(PersonalData.maskText("9120301234567")).as("a bare identifier is not free text").isEqualTo("9120301234567");
        assertThat(PersonalData.maskText("status 10")).isEqualTo("status 10");
    }

    @Test
    void theDocumentItselfIsNotChanged() throws Exception {
        JsonNode original = JSON.readTree("{\"email\": \"a@b.co\"}");
        PersonalData.mask(original);
        assertThat(original.path("email").asText()).isEqualTo("a@b.co");
    }

    @Test
    void aLegacyRecordIsMaskedByFieldNameAndByShapeWhileBusinessIdentifiersStayReadable() {
        java.util.Map<String, Object> record = new java.util.LinkedHashMap<>();
        record.put("no_ktp", "3271014509870001");
        record.put("no_hp", "0812-3456-7890");
        record.put("email_pemohon", "siti.rahma@example.co.id");
        record.put("telp", null);
        record.put("identitas_lain", "3271014509870002"); // a NIK in a column not named for it
        record.put("keterangan", "hubungi 081234567890 atau budi@dinkes.go.id");
        record.put("nib", "9120301234567");
        record.put("npwp", "012345678901234");
        record.put("nip_status", "198001012005011001");
        record.put("nikah_status", "KAWIN");
        java.util.Map<String, Object> masked = PersonalData.maskRecord(record);
        assertThat(masked.get("no_ktp")).isEqualTo("3271********0001");
        assertThat((String) masked.get("no_hp")).endsWith("890").doesNotContain("3456");
        assertThat(masked.get("email_pemohon")).isEqualTo("s***@example.co.id");
        assertThat(masked).containsEntry("telp", null);
        assertThat((String) masked.get("identitas_lain")).doesNotContain("45098700");
        assertThat((String) masked.get("keterangan")).doesNotContain("081234567890", "budi@").contains("@dinkes.go.id");
        assertThat(masked).containsEntry("nib", "9120301234567").containsEntry("npwp", "012345678901234")
                .containsEntry("nip_status", "198001012005011001").containsEntry("nikah_status", "KAWIN");
    }
}
