package id.ossgateway.osssim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import id.ossgateway.delivery.OssCredentials;
import id.ossgateway.osssim.SimulatorProperties.Faults;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The call pipeline without HTTP: under the gateway's 16 concurrent connections. */
class OssSimulatorTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2024-06-19T02:00:00Z"));
    private final SimulatorFaults faults = new SimulatorFaults(Faults.none(), ZoneId.of("Asia/Makassar"), clock, () -> 0.0);
    private final OssSimulator simulator = new OssSimulator(OssCredentials.SANDBOX_KEY, FieldRules.load(List.of()),
            faults, new SimulatedOss(ReferenceLists.load()), new SimCallLog(1000), clock, pause -> {
            });

    @Test
    void sixteenConcurrentCallersConsumeExactlyFailNextAndAreAllCounted() throws Exception {
        faults.replace(new Faults(0, null, null, 0, null, null, null, null, 10, 500, null));
        byte[] body = PiaBodies.izinStatus().toString().getBytes(StandardCharsets.UTF_8);
        Map<String, List<String>> headers = Map.of("user_key", List.of(OssCredentials.SANDBOX_KEY));

        List<Callable<Integer>> callers = new ArrayList<>();
        for (int i = 0; i < 160; i++) {
            callers.add(() -> simulator.call("receiveLicenseStatus", headers, body).status());
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Integer> statuses = new ArrayList<>();
        try {
            for (Future<Integer> status : pool.invokeAll(callers)) {
                statuses.add(status.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertEquals(10, statuses.stream().filter(s -> s == 500).count());
        assertEquals(150, statuses.stream().filter(s -> s == 200).count());
        SimCallLog.Stats stats = simulator.stats();
        assertEquals(160L, stats.calls().get("receiveLicenseStatus"));
        assertEquals(150L, stats.accepted().get("receiveLicenseStatus"));
        assertEquals(149, stats.duplicates()); // one body, accepted 150 times
        assertEquals(1, stats.acceptedDistinct());
        List<Long> seqs = simulator.calls(null).stream().map(SimCall::seq).toList();
        assertEquals(160, seqs.size());
        assertEquals(160L, seqs.get(159)); // the log is in sequence order, newest last
    }

    @Test
    void outageAnswersEvenACallWithoutUserKeyOrBody() {
        faults.replace(new Faults(0, null, null, 0, null, List.of("09:00-11:00"), null, null, 0, null, null));

        SimReply reply = simulator.call("checkLicenseStatus", Map.of(), null);

        assertEquals(503, reply.status());
        assertEquals("{\"responcheckLicenseStatus\":{\"kode\":503,\"keterangan\":\"Layanan OSS Tidak Tersedia"
                + " (simulasi: OSS sedang gangguan/pemeliharaan)\"}}", reply.body().toString());
    }

    @Test
    void emptyBodyWithValidKeyGets400() {
        SimReply reply = simulator.call("getDataReferensi", Map.of("User_Key", List.of(OssCredentials.SANDBOX_KEY)),
                new byte[0]);

        assertEquals(400, reply.status());
        assertEquals("body kosong, seharusnya JSON", reply.body().path("respongetDataReferensi").path("keterangan").asText());
    }

    @Test
    void duplicateKeysInABodyAreRefused() {
        byte[] body = "{\"GETDATAREFERENSI\":{\"kode\":\"10\",\"kode\":\"9\"}}".getBytes(StandardCharsets.UTF_8);

        SimReply reply = simulator.call("getDataReferensi", Map.of("user_key", List.of(OssCredentials.SANDBOX_KEY)), body);

        assertEquals(400, reply.status());
        assertEquals("JSON tidak valid (baris 1, kolom 40): Duplicate field 'kode'",
                reply.body().path("respongetDataReferensi").path("keterangan").asText());
    }
}
