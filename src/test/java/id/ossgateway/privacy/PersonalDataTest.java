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
}
