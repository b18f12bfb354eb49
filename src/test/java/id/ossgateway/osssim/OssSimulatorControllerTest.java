package id.ossgateway.osssim;

import static id.ossgateway.osssim.PiaBodies.doc;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.ossgateway.delivery.OssCredentials;
import id.ossgateway.osssim.SimulatorProperties.Faults;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** The simulator over HTTP, without a Spring context: the controllers on the real simulator, a fixed clock. */
class OssSimulatorControllerTest {

    private static final String RBA = "/oss-sim/v1/kl/rba/";

    private final MutableClock clock = new MutableClock(Instant.parse("2024-06-19T02:00:00Z"));
    private final List<Duration> pauses = new ArrayList<>();
    private final SimulatorFaults faults = new SimulatorFaults(Faults.none(), ZoneId.of("Asia/Makassar"), clock, () -> 0.0);
    private final OssSimulator simulator = new OssSimulator(OssCredentials.SANDBOX_KEY, FieldRules.load(List.of("46")),
            faults, new SimulatedOss(ReferenceLists.load()), new SimCallLog(3), clock, pauses::add);
    private final MockMvc mvc = MockMvcBuilders
            .standaloneSetup(new OssSimulatorController(simulator), new SimulatorAdminController(simulator, faults))
            .build();

    @Test
    void malformedExampleOfTheGuideGets400NamingTheJsonError() throws Exception {
        // the guide's receiveLicense example lacks a comma after "id_komitmen": "" (line 24)
        byte[] malformed = resource("/osssim/receiveLicense.request.malformed.json");

        call("receiveLicense", malformed)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.responreceiveLicense.kode").value(400))
                .andExpect(jsonPath("$.responreceiveLicense.keterangan").value("JSON tidak valid (baris 25, kolom 12):"
                        + " Unexpected character ('\"' (code 34)): was expecting comma to separate Object entries"));
        mvc.perform(get("/oss-sim/_calls"))
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].body").value(new String(malformed, java.nio.charset.StandardCharsets.UTF_8)))
                .andExpect(jsonPath("$[0].reply.status").value(400));
    }

    @Test
    void wrongUserKeyGets401AndIsMaskedInTheLog() throws Exception {
        mvc.perform(post(RBA + "receiveLicenseStatus").header("user_key", "guessed")
                        .contentType(MediaType.APPLICATION_JSON).content(PiaBodies.izinStatus().toString()))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.responreceiveLicenseStatus.kode").value(401))
                .andExpect(jsonPath("$.responreceiveLicenseStatus.keterangan").value("User Akses Tidak Valid"));
        mvc.perform(get("/oss-sim/_calls"))
                .andExpect(jsonPath("$[0].headers.user_key").value("***"))
                .andExpect(jsonPath("$[0].method").value("receiveLicenseStatus"))
                .andExpect(jsonPath("$[0].at").value("2024-06-19T02:00:00Z"));
    }

    @Test
    void invalidBodyGets400WithAllProblems() throws Exception {
        ObjectNode body = PiaBodies.izinStatus();
        doc(body).put("nib", "812020773XXXX").put("tgl_status", "2024-06-31 10:00:00");

        call("receiveLicenseStatus", body)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.responreceiveLicenseStatus.keterangan").value("IZINSTATUS.nib: harus 13 digit;"
                        + " IZINSTATUS.tgl_status: bukan tanggal yang valid (YYYY-MM-DD HH:MM:SS)"));
    }

    @Test
    void permitNumberIsStableAndItsStatusCanBeReadBack() throws Exception {
        String nomor = SimulatedOss.nomorIzin(PiaBodies.ID_IZIN);
        assertEquals(20, nomor.length());

        call("receiveLicenseStatus", PiaBodies.izinStatus()).andExpect(status().isOk())
                .andExpect(jsonPath("$.responreceiveLicenseStatus.keterangan").value("Sukses"));
        call("receiveLicense", PiaBodies.izinFinal()).andExpect(status().isOk())
                .andExpect(jsonPath("$.responreceiveLicense.nomor_izin").value(nomor));
        ObjectNode again = PiaBodies.izinFinal();
        doc(again).put("keterangan", "dikirim ulang");
        call("receiveLicense", again).andExpect(jsonPath("$.responreceiveLicense.nomor_izin").value(nomor));

        call("checkLicenseStatus", PiaBodies.checkLicenseStatus(PiaBodies.ID_IZIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.responcheckLicenseStatus.dataIZIN.kd_status").value("50"))
                .andExpect(jsonPath("$.responcheckLicenseStatus.dataIZIN.uraian_status").value("Disetujui"))
                .andExpect(jsonPath("$.responcheckLicenseStatus.dataIZIN.nib").value("8120207730001"))
                .andExpect(jsonPath("$.responcheckLicenseStatus.dataIZIN.file_lampiran")
                        .value("https://dpmptsp.example.go.id/lampiran/001.pdf"));
        call("checkLicenseStatus", PiaBodies.checkLicenseStatus("I-UNKNOWN")).andExpect(status().isNotFound());
    }

    @Test
    void duplicatesCountOnlyAcceptedDocumentsSentTwice() throws Exception {
        call("receiveLicenseStatus", PiaBodies.izinStatus()).andExpect(status().isOk());
        call("receiveLicenseStatus", PiaBodies.izinStatus()).andExpect(status().isOk());
        call("checkLicenseStatus", PiaBodies.checkLicenseStatus(PiaBodies.ID_IZIN)).andExpect(status().isOk());
        call("checkLicenseStatus", PiaBodies.checkLicenseStatus(PiaBodies.ID_IZIN)).andExpect(status().isOk());

        mvc.perform(get("/oss-sim/_stats"))
                .andExpect(jsonPath("$.calls.receiveLicenseStatus").value(2))
                .andExpect(jsonPath("$.calls.checkLicenseStatus").value(2))
                .andExpect(jsonPath("$.accepted.receiveLicense").value(0))
                .andExpect(jsonPath("$.duplicates").value(1))
                .andExpect(jsonPath("$.acceptedDistinct").value(1));
        // the log keeps the newest 3 of 4 calls
        mvc.perform(get("/oss-sim/_calls")).andExpect(jsonPath("$[*].seq", contains(2, 3, 4)));
        mvc.perform(get("/oss-sim/_calls").param("method", "receiveLicenseStatus")).andExpect(jsonPath("$[*].seq", contains(2)));

        mvc.perform(delete("/oss-sim/_calls")).andExpect(status().isNoContent());
        mvc.perform(get("/oss-sim/_stats")).andExpect(jsonPath("$.duplicates").value(0))
                .andExpect(jsonPath("$.calls.receiveLicenseStatus").value(0));
        call("checkLicenseStatus", PiaBodies.checkLicenseStatus(PiaBodies.ID_IZIN)).andExpect(status().isNotFound());
    }

    @Test
    void referenceListComesFromTheLampiran() throws Exception {
        call("getDataReferensi", PiaBodies.getDataReferensi("10"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.respongetDataReferensi.dataReferensi", hasSize(26)))
                .andExpect(jsonPath("$.respongetDataReferensi.dataReferensi[0].kode_referensi").value("05"))
                .andExpect(jsonPath("$.respongetDataReferensi.dataReferensi[0].uraian_referensi").value("Proses Penapisan"))
                .andExpect(jsonPath("$.respongetDataReferensi.dataReferensi[0].keterangan_referensi")
                        .value("Penapisan dokumen lingkungan"));
        call("getDataReferensi", PiaBodies.getDataReferensi("8")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.respongetDataReferensi.kode").value(404));
    }

    @Test
    void unknownMethodGets404InPiaShape() throws Exception {
        call("receiveNIB", PiaBodies.izinStatus())
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.responreceiveNIB.kode").value(404))
                .andExpect(jsonPath("$.responreceiveNIB.keterangan")
                        .value("Akses Service Tidak Ditemukan: metode 'receiveNIB' tidak dikenal"));
    }

    @Test
    void faultsSetAtRunTimeApplyBeforeTheUserKeyAndCanBeRestored() throws Exception {
        mvc.perform(put("/oss-sim/_faults").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"throttleRate\": 1, \"retryAfter\": \"3s\", \"latency\": \"200ms\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.retryAfter").value("3s"))
                .andExpect(jsonPath("$.latency").value("200ms"))
                .andExpect(jsonPath("$.errorCodes").value(500));

        mvc.perform(post(RBA + "updateLicense").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "3"))
                .andExpect(jsonPath("$.responupdateLicense.kode").value(429));
        assertEquals(List.of(Duration.ofMillis(200)), pauses);

        mvc.perform(delete("/oss-sim/_faults")).andExpect(jsonPath("$.throttleRate").value(0.0));
        call("receiveLicenseStatus", PiaBodies.izinStatus()).andExpect(status().isOk());
    }

    @Test
    void failIdIzinAnswersThatPermitWithItsCode() throws Exception {
        mvc.perform(put("/oss-sim/_faults").contentType(MediaType.APPLICATION_JSON)
                .content("{\"failIdIzin\": {\"" + PiaBodies.ID_IZIN + "\": 400}}")).andExpect(status().isOk());

        call("receiveLicense", PiaBodies.izinFinal())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.responreceiveLicense.keterangan").value("Data Parameter Salah (simulasi: failIdIzin)"));
        call("getDataReferensi", PiaBodies.getDataReferensi("9")).andExpect(status().isOk());
    }

    @Test
    void badOutageWindowInPutIsRefused() throws Exception {
        mvc.perform(put("/oss-sim/_faults").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"outages\": [\"10:00-10:00\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("outage window starts and ends at 10:00"));
        mvc.perform(put("/oss-sim/_faults").contentType(MediaType.APPLICATION_JSON)
                .content("{\"outages\": [\"25:00-26:00\"]}")).andExpect(status().isBadRequest());
    }

    private ResultActions call(String method, JsonNode body) throws Exception {
        return call(method, body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private ResultActions call(String method, byte[] body) throws Exception {
        return mvc.perform(post(RBA + method).header("user_key", OssCredentials.SANDBOX_KEY)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = OssSimulatorControllerTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }
}
