package id.ossgateway.osssim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import id.ossgateway.osssim.SimulatorFaults.Fault;
import id.ossgateway.osssim.SimulatorProperties.Faults;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SimulatorFaultsTest {

    private static final ZoneId WITA = ZoneId.of("Asia/Makassar");

    private final MutableClock clock = new MutableClock(wita("2024-06-19T10:00:00"));
    private final Deque<Double> draws = new ArrayDeque<>();

    @Test
    void failNextFailsExactlyNCallsThenAnswersNormally() {
        SimulatorFaults faults = faults(new Faults(0, null, null, 0, null, null, null, null, 2, 504, null));

        assertEquals(Optional.of(new Fault(504, "Proses Payload Data Di Sistem OSS Timeout (simulasi: failNext)", null)),
                faults.beforeCall());
        assertEquals(1, faults.current().failNext());
        assertEquals(504, faults.beforeCall().orElseThrow().code());
        assertEquals(Optional.empty(), faults.beforeCall());
        assertEquals(Optional.empty(), faults.beforeCall());
        assertEquals(0, faults.current().failNext());
    }

    @Test
    void aFailNext429SaysWhenToComeBack() {
        // DeliveryIT.tooManyRequestsWaitsAtLeastRetryAfter passed only by Camel's default 1 s redelivery delay
        // until the delivery honoured its own backoff: a failNext 429 carried no Retry-After at all
        SimulatorFaults faults = faults(new Faults(0, null, null, 0, java.time.Duration.ofMillis(1500), null, null,
                null, 1, 429, null));

        assertEquals(2L, faults.beforeCall().orElseThrow().retryAfterSeconds());
    }

    @Test
    void failIdIzinFailsOnlyThatPermitAndAlways() {
        SimulatorFaults faults = faults(new Faults(0, null, null, 0, null, null, null, null, 0, null,
                Map.of("I-REJECTED", 400)));

        Fault expected = new Fault(400, "Data Parameter Salah (simulasi: failIdIzin)", null);
        assertEquals(Optional.of(expected), faults.forIdIzin("I-REJECTED"));
        assertEquals(Optional.of(expected), faults.forIdIzin("I-REJECTED"));
        assertEquals(Optional.empty(), faults.forIdIzin("I-OTHER"));
        assertEquals(Optional.empty(), faults.forIdIzin(null));
        assertEquals(Optional.empty(), faults.beforeCall());
    }

    @Test
    void outageWindowIncludesItsStartAndExcludesItsEnd() {
        SimulatorFaults faults = faults(outages("01:00-03:00"));
        Fault outage = new Fault(503, "Layanan OSS Tidak Tersedia (simulasi: OSS sedang gangguan/pemeliharaan)", null);

        assertAt(faults, "2024-06-19T00:59:59", Optional.empty());
        assertAt(faults, "2024-06-19T01:00:00", Optional.of(outage));
        assertAt(faults, "2024-06-19T02:59:59", Optional.of(outage));
        assertAt(faults, "2024-06-19T03:00:00", Optional.empty());
    }

    @Test
    void outageWindowRunsOverMidnightInTheConfiguredZone() {
        SimulatorFaults faults = faults(outages("23:30-00:30"));

        assertAt(faults, "2024-06-19T23:29:59", Optional.empty());
        assertEquals(503, at(faults, "2024-06-19T23:30:00").orElseThrow().code());
        assertEquals(503, at(faults, "2024-06-20T00:29:59").orElseThrow().code());
        assertAt(faults, "2024-06-20T00:30:00", Optional.empty());
        // 23:45 UTC is 07:45 WITA: no outage
        clock.set(Instant.parse("2024-06-19T23:45:00Z"));
        assertEquals(Optional.empty(), faults.beforeCall());
    }

    @Test
    void outageForStartsNowAndEndsAfterItsDuration() {
        SimulatorFaults faults = faults(Faults.none());
        faults.replace(new Faults(0, null, null, 0, null, null, 504, Duration.ofSeconds(30), 0, null, null));

        assertEquals(504, faults.beforeCall().orElseThrow().code());
        clock.advance(Duration.ofSeconds(20));
        assertEquals(Duration.ofSeconds(10), faults.current().outageFor());
        assertEquals(504, faults.beforeCall().orElseThrow().code());
        clock.advance(Duration.ofSeconds(10));
        assertEquals(Optional.empty(), faults.beforeCall());
        assertNull(faults.current().outageFor());
    }

    @Test
    void outageAnswersBeforeFailNextIsConsumed() {
        SimulatorFaults faults = faults(new Faults(0, null, null, 0, null, List.of("09:00-11:00"), null, null, 1, 500, null));

        assertEquals(503, faults.beforeCall().orElseThrow().code());
        clock.set(wita("2024-06-19T11:00:00"));
        assertEquals(500, faults.beforeCall().orElseThrow().code());
        assertEquals(Optional.empty(), faults.beforeCall());
    }

    @Test
    void throttleAnswers429WithRetryAfterInWholeSeconds() {
        SimulatorFaults faults = faults(new Faults(0, null, null, 0.5, Duration.ofMillis(1500), null, null, null, 0,
                null, null));
        draws.addAll(List.of(0.49, 0.5));

        assertEquals(Optional.of(new Fault(429, "Terlalu Banyak Permintaan: coba lagi dalam 2 detik (simulasi)", 2L)),
                faults.beforeCall());
        assertEquals(Optional.empty(), faults.beforeCall());
    }

    @Test
    void errorRatePicksOneOfTheErrorCodes() {
        SimulatorFaults faults = faults(new Faults(0.1, List.of(500, 504), null, 0, null, null, null, null, 0, null,
                null));
        draws.addAll(List.of(0.05, 0.75, 0.05, 0.2, 0.1));

        assertEquals(504, faults.beforeCall().orElseThrow().code());
        assertEquals(500, faults.beforeCall().orElseThrow().code());
        assertEquals(Optional.empty(), faults.beforeCall());
    }

    @Test
    void restoreGoesBackToTheConfiguredFaults() {
        Faults configured = new Faults(0, null, Duration.ofMillis(200), 0, null, null, null, null, 0, null, null);
        SimulatorFaults faults = faults(configured);
        faults.replace(new Faults(0, null, null, 0, null, null, null, null, 3, null, null));
        assertEquals(Duration.ZERO, faults.latency());

        faults.restore();

        assertEquals(configured, faults.current());
        assertEquals(Duration.ofMillis(200), faults.latency());
        assertEquals(Optional.empty(), faults.beforeCall());
    }

    @Test
    void emptyOutageWindowIsRefused() {
        SimulatorFaults faults = faults(Faults.none());
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> faults.replace(outages("10:00-10:00")));
        assertEquals("outage window starts and ends at 10:00", refused.getMessage());
    }

    private SimulatorFaults faults(Faults configured) {
        return new SimulatorFaults(configured, WITA, clock, draws::removeFirst);
    }

    private static Faults outages(String... windows) {
        return new Faults(0, null, null, 0, null, List.of(windows), null, null, 0, null, null);
    }

    private void assertAt(SimulatorFaults faults, String witaTime, Optional<Fault> expected) {
        assertEquals(expected, at(faults, witaTime), "at " + witaTime + " WITA");
    }

    private Optional<Fault> at(SimulatorFaults faults, String witaTime) {
        clock.set(wita(witaTime));
        return faults.beforeCall();
    }

    private static Instant wita(String localTime) {
        return java.time.LocalDateTime.parse(localTime).atZone(WITA).toInstant();
    }
}
