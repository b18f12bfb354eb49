package id.ossgateway.osssim;

import static id.ossgateway.osssim.PiaBodies.doc;
import static id.ossgateway.osssim.PiaBodies.izinFinal;
import static id.ossgateway.osssim.PiaBodies.izinStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.ossgateway.pia.PiaMethod;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldRulesTest {

    private final FieldRules rules = FieldRules.load(List.of("46", "47", "48"));

    @Test
    void validReceiveLicenseStatusPasses() {
        // its tgl_status has the 19 characters of YYYY-MM-DD HH:MM:SS although the guide declares 18
        assertEquals(List.of(), rules.validate(PiaMethod.RECEIVE_LICENSE_STATUS, izinStatus()));
    }

    @Test
    void validReceiveLicenseWithNumberAsNumberPasses() {
        ObjectNode body = izinFinal();
        doc(body).put("bln_berlaku_izin", "6"); // a Number field may come as a numeric string
        assertEquals(List.of(), rules.validate(PiaMethod.RECEIVE_LICENSE, body));
    }

    @Test
    void missingRequiredFieldIsNamed() {
        ObjectNode body = izinStatus();
        doc(body).remove("nip_status");
        assertEquals(List.of("IZINSTATUS.nip_status: wajib diisi"), validateStatus(body));
    }

    @Test
    void emptyOrNullRequiredFieldIsNamed() {
        ObjectNode body = izinStatus();
        doc(body).put("nama_status", "  ");
        doc(body).putNull("keterangan");
        assertEquals(List.of("IZINSTATUS.nama_status: wajib diisi", "IZINSTATUS.keterangan: wajib diisi"),
                validateStatus(body));
    }

    @Test
    void emptyOptionalFieldsAreAccepted() {
        ObjectNode body = izinStatus();
        ((ObjectNode) doc(body).get("data_pnbp")).put("tgl_billing", "").put("nominal", "");
        assertEquals(List.of(), validateStatus(body));
    }

    @Test
    void overlongFieldIsNamedWithItsLimit() {
        ObjectNode body = izinStatus();
        doc(body).put("kd_izin", "0330000000012");
        assertEquals(List.of("IZINSTATUS.kd_izin: panjang 13 karakter, maksimal 12"), validateStatus(body));
    }

    @Test
    void nibMustBeThirteenDigits() {
        ObjectNode body = izinStatus();
        doc(body).put("nib", "812020773XXXX");
        assertEquals(List.of("IZINSTATUS.nib: harus 13 digit"), validateStatus(body));
    }

    @Test
    void thirtyFirstOfFebruaryIsNoDate() {
        ObjectNode body = izinStatus();
        ((ObjectNode) doc(body).get("data_pnbp")).put("tgl_billing", "2024-02-31");
        doc(body).put("tgl_status", "2023-02-29 10:15:00");
        assertEquals(List.of("IZINSTATUS.tgl_status: bukan tanggal yang valid (YYYY-MM-DD HH:MM:SS)",
                "IZINSTATUS.data_pnbp.tgl_billing: bukan tanggal yang valid (YYYY-MM-DD)"), validateStatus(body));
    }

    @Test
    void permitDatesOfIzinFinalAreChecked() {
        ObjectNode body = izinFinal();
        doc(body).put("tgl_berlaku_izin", "2029-6-19");
        assertEquals(List.of("IZINFINAL.tgl_berlaku_izin: bukan tanggal yang valid (YYYY-MM-DD)"),
                rules.validate(PiaMethod.RECEIVE_LICENSE, body));
    }

    @Test
    void statusCodeOutsideLampiran10IsRefused() {
        ObjectNode body = izinStatus();
        doc(body).put("kd_status", "58");
        assertEquals(List.of("IZINSTATUS.kd_status: bukan kode status izin yang dikenal (Lampiran 10)"),
                validateStatus(body));
    }

    @Test
    void configuredExtraStatusCodeIsAcceptedOnlyWhenConfigured() {
        ObjectNode body = izinStatus();
        doc(body).put("kd_status", "46");
        assertEquals(List.of(), validateStatus(body));
        assertEquals(List.of("IZINSTATUS.kd_status: bukan kode status izin yang dikenal (Lampiran 10)"),
                FieldRules.load(List.of()).validate(PiaMethod.RECEIVE_LICENSE_STATUS, body));
    }

    @Test
    void unknownFieldsAreRefusedAtEveryLevel() {
        ObjectNode body = izinStatus();
        doc(body).put("kd_statuss", "45");
        ((ObjectNode) doc(body).get("data_pnbp")).put("bank", "BNI");
        body.put("extra", 1);
        // in the order of the body: data_pnbp comes before the field added last
        assertEquals(List.of("IZINSTATUS.data_pnbp.bank: field tidak dikenal", "IZINSTATUS.kd_statuss: field tidak dikenal",
                "extra: field tidak dikenal"), validateStatus(body));
    }

    @Test
    void wrongJsonTypesAreNamed() {
        ObjectNode body = izinStatus();
        doc(body).put("persetujuan_form", "true");
        doc(body).put("kd_status", 45);
        ((ObjectNode) doc(body).get("data_pnbp")).put("nominal", "Rp 150.000");
        assertEquals(List.of("IZINSTATUS.kd_status: harus berupa teks (string)",
                "IZINSTATUS.persetujuan_form: harus berupa boolean (true/false)",
                "IZINSTATUS.data_pnbp.nominal: harus berupa angka"), validateStatus(body));
    }

    @Test
    void missingWrapperIsNamed() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.set("IZINFINAL", doc(izinStatus()));
        assertEquals(List.of("IZINSTATUS: wajib diisi", "IZINFINAL: field tidak dikenal"), validateStatus(body));
    }

    @Test
    void allProblemsOfABodyAreReportedTogether() {
        ObjectNode body = izinStatus();
        doc(body).put("nib", "81202077300");
        doc(body).put("tgl_status", "2024-06-19T10:15:00");
        doc(body).remove("id_izin");
        doc(body).put("kd_status", "99");
        doc(body).put("catatan", "x");
        assertEquals(List.of("IZINSTATUS.nib: harus 13 digit", "IZINSTATUS.id_izin: wajib diisi",
                "IZINSTATUS.kd_status: bukan kode status izin yang dikenal (Lampiran 10)",
                "IZINSTATUS.tgl_status: bukan tanggal yang valid (YYYY-MM-DD HH:MM:SS)",
                "IZINSTATUS.catatan: field tidak dikenal"), validateStatus(body));
    }

    @Test
    void checkLicenseStatusTakesAnIdIzinOfRealLength() {
        // the guide declares CHECKLICENSESTATUS.id_izin string(13); real ids have 23 characters
        assertEquals(List.of(), rules.validate(PiaMethod.CHECK_LICENSE_STATUS,
                PiaBodies.checkLicenseStatus(PiaBodies.ID_IZIN)));
        assertEquals(List.of("CHECKLICENSESTATUS.id_izin: panjang 26 karakter, maksimal 25"),
                rules.validate(PiaMethod.CHECK_LICENSE_STATUS, PiaBodies.checkLicenseStatus(PiaBodies.ID_IZIN + "XYZ")));
    }

    @Test
    void bodyThatIsNoObjectIsRefused() {
        assertEquals(List.of("body: harus berupa objek JSON {\"IZINSTATUS\": {...}}"),
                validateStatus(JsonNodeFactory.instance.arrayNode()));
    }

    private List<String> validateStatus(com.fasterxml.jackson.databind.JsonNode body) {
        return rules.validate(PiaMethod.RECEIVE_LICENSE_STATUS, body);
    }

    /** Regression (issue 16): "-", empty and made-up identifiers reached OSS's sandbox as if OSS had issued them. */
    @Test
    void identifiersOssIssuesAreRefusedWhenDashEmptyOrMadeUp() {
        for (String[] bad : new String[][] {{"id_izin", "-"}, {"id_izin", "DPM-2026-00006"}, {"id_izin", "I-"},
                {"id_proyek", "-"}, {"id_proyek", "123456"}, {"oss_id", "OSS0000007001"}, {"oss_id", "P03-1"}}) {
            com.fasterxml.jackson.databind.node.ObjectNode body = izinStatus();
            doc(body).put(bad[0], bad[1]);
            assertThat(rules.validate(PiaMethod.RECEIVE_LICENSE_STATUS, body)).as(bad[0] + "=" + bad[1])
                    .anyMatch(p -> p.startsWith("IZINSTATUS." + bad[0] + ": bukan " + bad[0]));
        }
        com.fasterxml.jackson.databind.node.ObjectNode empty = izinStatus();
        doc(empty).put("oss_id", "");
        assertThat(rules.validate(PiaMethod.RECEIVE_LICENSE_STATUS, empty)).contains("IZINSTATUS.oss_id: wajib diisi");
        com.fasterxml.jackson.databind.node.ObjectNode good = izinStatus();
        doc(good).put("oss_id", "P-2026000000001");
        assertThat(rules.validate(PiaMethod.RECEIVE_LICENSE_STATUS, good)).isEmpty();
    }
}
