package id.ossgateway.it;

import static id.ossgateway.it.GatewayTestSupport.delete;
import static id.ossgateway.it.GatewayTestSupport.get;
import static id.ossgateway.it.GatewayTestSupport.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.ossgateway.delivery.OssCircuit;
import id.ossgateway.delivery.OutboundQueue;
import id.ossgateway.journal.MessageJournal;
import id.ossgateway.journal.MessageState;
import id.ossgateway.journal.StoredMessage;
import id.ossgateway.envelope.SourceRef;
import id.ossgateway.source.Ingest;
import id.ossgateway.source.IngestResult;
import id.ossgateway.source.SourceRecord;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Delivery end to end inside one gateway: records go through the real ingest (mapping, journal, embedded
 * persistent Artemis) and real HTTP to the embedded OSS simulator, whose faults each test sets.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class DeliveryIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        port = GatewayTestSupport.register(registry);
    }

    @Autowired
    Ingest ingest;
    @Autowired
    MessageJournal journal;
    @Autowired
    OssCircuit circuit;
    @Autowired
    OutboundQueue queue;
    @Autowired
    ConnectionFactory connectionFactory;

    @BeforeEach
    void cleanSimulator() {
        delete(port, "/oss-sim/_faults");
        await().atMost(Duration.ofSeconds(30)).until(() -> !circuit.isOpen());
    }

    private static String newIdIzin() {
        return "IT-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private List<JsonNode> callsFor(String method, String idIzin) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode call : get(port, "/oss-sim/_calls?method=" + method)) {
            if (idIzin.equals(call.path("body").path(wrapper(method)).path("id_izin").asText())) {
                out.add(call);
            }
        }
        return out;
    }

    private static String wrapper(String method) {
        return method.equals("receiveLicenseStatus") ? "IZINSTATUS" : "IZINFINAL";
    }

    private StoredMessage awaitState(String messageId, MessageState state) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> journal.find(messageId).map(StoredMessage::state).orElse(null) == state);
        return journal.find(messageId).orElseThrow();
    }

    @Test
    void simulatorReceivesTheExactPiaDocumentsWithUserKeyAndNomorIzinIsKept() throws Exception {
        String id = newIdIzin();
        IngestResult result = ingest.accept("it-feed", List.of(
                Records.status(id, "10", "2026-11-02 09:15:00"), Records.licence(id)));
        assertThat(result.accepted()).isEqualTo(2);

        StoredMessage licence = awaitState(result.outcomes().get(1).id(), MessageState.DELIVERED);
        awaitState(result.outcomes().get(0).id(), MessageState.DELIVERED);

        JsonNode status = callsFor("receiveLicenseStatus", id).get(0);
        assertThat(status.path("body")).isEqualTo(JSON.readTree("""
                {"IZINSTATUS": {"nib": "9120301234567", "id_produk": "P-%s", "id_proyek": "R-2026000001",
                 "oss_id": "OSS0000000001", "id_izin": "%s", "kd_izin": "I-012345", "kd_instansi": "001",
                 "kd_status": "10", "tgl_status": "2026-11-02 09:15:00", "nip_status": "198001012005011001",
                 "nama_status": "Petugas Verifikasi", "keterangan": "status 10"}}""".formatted(id, id)));
        // the simulator masks the key in its log: seeing the mask proves the header was sent
        assertThat(status.path("headers").path("user_key").asText()).isEqualTo("***");
        assertThat(status.path("reply").path("status").asInt()).isEqualTo(200);

        JsonNode final_ = callsFor("receiveLicense", id).get(0);
        assertThat(final_.path("body").path("IZINFINAL").path("nomor_izin").asText()).isEqualTo("503/" + id + "/2026");
        String issued = final_.path("reply").path("body").path("responreceiveLicense").path("nomor_izin").asText();
        assertThat(issued).isNotBlank();
        assertThat(licence.nomorIzin()).isEqualTo(issued);
    }

    @Test
    void aServerErrorIsRetriedUntilOssAccepts() {
        put(port, "/oss-sim/_faults", "{\"failNext\": 2, \"failNextCode\": 500}");
        String id = newIdIzin();
        String messageId = ingest.accept("it-feed", List.of(Records.status(id, "20", "2026-11-02 10:00:00")))
                .outcomes().get(0).id();

        awaitState(messageId, MessageState.DELIVERED);
        List<Integer> replies = callsFor("receiveLicenseStatus", id).stream()
                .map(c -> c.path("reply").path("status").asInt()).toList();
        assertThat(replies).containsExactly(500, 500, 200);
    }

    @Test
    void tooManyRequestsWaitsAtLeastRetryAfter() {
        put(port, "/oss-sim/_faults", "{\"failNext\": 1, \"failNextCode\": 429, \"retryAfter\": \"1s\"}");
        String id = newIdIzin();
        String messageId = ingest.accept("it-feed", List.of(Records.status(id, "20", "2026-11-02 10:00:00")))
                .outcomes().get(0).id();

        awaitState(messageId, MessageState.DELIVERED);
        List<JsonNode> calls = callsFor("receiveLicenseStatus", id);
        assertThat(calls).hasSize(2);
        assertThat(calls.get(0).path("reply").path("status").asInt()).isEqualTo(429);
        Duration gap = Duration.between(Instant.parse(calls.get(0).path("at").asText()),
                Instant.parse(calls.get(1).path("at").asText()));
        // the backoff alone would be 50 ms: only Retry-After explains a wait of a second
        assertThat(gap).isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void aRefusedDocumentGoesToTheDeadLetterQueueAtOnceWithOssReason() throws Exception {
        String id = newIdIzin();
        put(port, "/oss-sim/_faults", "{\"failIdIzin\": {\"" + id + "\": 400}}");
        String messageId = ingest.accept("it-feed", List.of(Records.status(id, "20", "2026-11-02 10:00:00")))
                .outcomes().get(0).id();

        StoredMessage dead = awaitState(messageId, MessageState.DEAD_LETTERED);
        assertThat(callsFor("receiveLicenseStatus", id)).hasSize(1);
        assertThat(dead.lastError()).contains("400");

        Message m = deadLetter(messageId);
        assertThat(m.getIntProperty("GatewayOssHttpStatus")).isEqualTo(400);
        assertThat(m.getStringProperty("GatewayReason")).contains("400");
        assertThat(m.getStringProperty("GatewayOssKeterangan")).isNotBlank();
        assertThat(JSON.readTree(m.getStringProperty("GatewayAttempts"))).hasSize(1);
        assertThat(m.getStringProperty("JMSXGroupID")).isEqualTo(id);
    }

    @Test
    void persistentServerErrorsAreDeadLetteredAfterTheConfiguredAttempts() throws Exception {
        String id = newIdIzin();
        put(port, "/oss-sim/_faults", "{\"failIdIzin\": {\"" + id + "\": 504}}");
        String messageId = ingest.accept("it-feed", List.of(Records.status(id, "20", "2026-11-02 10:00:00")))
                .outcomes().get(0).id();

        awaitState(messageId, MessageState.DEAD_LETTERED);
        // 10 attempts; one more when the last failure found the circuit open (this message's own failures
        // open it in this small window), because an open circuit sends messages back to the queue, never
        // to the dead-letter queue
        int calls = callsFor("receiveLicenseStatus", id).size();
        assertThat(calls).isBetween(10, 11);
        Message m = deadLetter(messageId);
        // the header keeps the last ten attempts (the journal keeps all); the last one is the last call
        JsonNode history = JSON.readTree(m.getStringProperty("GatewayAttempts"));
        assertThat(history).hasSize(10);
        assertThat(history.get(9).path("attempt").asInt()).isEqualTo(calls);
        assertThat(history.get(9).path("httpStatus").asInt()).isEqualTo(504);
    }

    @Test
    void duringAnOutageTheCircuitOpensNothingIsDeadLetteredAndAllIsDeliveredAfter() {
        put(port, "/oss-sim/_faults", "{\"outageFor\": \"4s\"}");
        String prefix = newIdIzin();
        List<SourceRecord> records = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            records.add(Records.status(prefix + "-" + i, "20", "2026-11-02 10:00:00"));
        }
        List<String> ids = ingest.accept("it-feed", records).outcomes().stream().map(IngestResult.Outcome::id).toList();

        await().atMost(Duration.ofSeconds(10)).until(circuit::isOpen);
        await().atMost(Duration.ofSeconds(60)).until(() -> ids.stream().allMatch(
                id -> journal.find(id).map(StoredMessage::state).orElse(null) == MessageState.DELIVERED));
        // with 10 attempts 50-200 ms apart, every message would have been dead-lettered in the 4 s outage
        // had the circuit not stopped consumption
        assertThat(ids).allSatisfy(id -> assertThat(journal.events(id))
                .noneMatch(e -> e.event().equals("DEAD_LETTERED")));
        long refused = StreamSupport.stream(get(port, "/oss-sim/_calls?method=receiveLicenseStatus").spliterator(), false)
                .filter(c -> c.path("body").path("IZINSTATUS").path("id_izin").asText().startsWith(prefix))
                .filter(c -> c.path("reply").path("status").asInt() == 503).count();
        assertThat(refused).as("calls that hit the outage").isLessThan(40);
    }

    @Test
    void statusChangesOfOnePermitReachOssInOrderWhilePermitsRunInParallel() {
        put(port, "/oss-sim/_faults", "{\"errorRate\": 0.2, \"errorCodes\": [500, 504]}");
        String prefix = newIdIzin();
        List<String> codes = List.of("09", "10", "20", "30", "50");
        List<SourceRecord> records = new ArrayList<>();
        for (int step = 0; step < codes.size(); step++) {
            for (int p = 0; p < 12; p++) {
                records.add(Records.status(prefix + "-" + p, codes.get(step), "2026-11-02 10:0" + step + ":00"));
            }
        }
        List<String> ids = ingest.accept("it-feed", records).outcomes().stream().map(IngestResult.Outcome::id).toList();
        await().atMost(Duration.ofSeconds(90)).until(() -> ids.stream().allMatch(
                id -> journal.find(id).map(StoredMessage::state).orElse(null) == MessageState.DELIVERED));

        Map<String, List<String>> accepted = new LinkedHashMap<>();
        for (JsonNode call : get(port, "/oss-sim/_calls?method=receiveLicenseStatus")) {
            JsonNode doc = call.path("body").path("IZINSTATUS");
            if (doc.path("id_izin").asText().startsWith(prefix) && call.path("reply").path("status").asInt() == 200) {
                accepted.computeIfAbsent(doc.path("id_izin").asText(), k -> new ArrayList<>())
                        .add(doc.path("kd_status").asText());
            }
        }
        assertThat(accepted).hasSize(12);
        accepted.forEach((permit, seen) -> assertThat(seen).as(permit).containsExactlyElementsOf(codes));
    }

    @Test
    void aDocumentOssAlreadyHasIsNotSentAgain() {
        String id = newIdIzin();
        List<SourceRecord> batch = List.of(Records.status(id, "10", "2026-11-02 09:00:00"));
        String first = ingest.accept("it-feed", batch).outcomes().get(0).id();
        awaitState(first, MessageState.DELIVERED);

        // the same row read again (a source restarted before saving its position): same message, not queued
        assertThat(ingest.accept("it-feed", batch).outcomes().get(0).id()).isEqualTo(first);
        // the same content for the same permit from elsewhere (another row, another file line)
        SourceRecord elsewhere = new SourceRecord(SourceRef.line("drop.csv", 7),
                batch.get(0).fields());
        // is recognised when it is read: reported DUPLICATE with the message it duplicates, and not queued
        var second = ingest.accept("it-feed", List.of(elsewhere)).outcomes().get(0);
        assertThat(second.kind()).isEqualTo(IngestResult.Kind.DUPLICATE);
        assertThat(second.id()).isEqualTo(first);
        // and the same message put on the queue twice (a crash between enqueue and journal)
        queue.enqueue(Collections.nCopies(2, journal.envelope(first).orElseThrow()));
        String marker = ingest.accept("it-feed", List.of(Records.status(id, "20", "2026-11-02 09:30:00")))
                .outcomes().get(0).id();
        awaitState(marker, MessageState.DELIVERED); // same permit, same group: queued after the copies

        assertThat(callsFor("receiveLicenseStatus", id)).hasSize(2);
        assertThat(get(port, "/oss-sim/_stats").path("duplicates").asLong()).isZero();
    }

    private Message deadLetter(String messageId) {
        JmsTemplate jms = new JmsTemplate(connectionFactory);
        // the journal says DEAD_LETTERED before the batch's commit puts the message into the dead-letter queue
        List<Message> found = await().atMost(Duration.ofSeconds(30)).until(() -> jms.browseSelected("oss.outbound.dlq",
                "GatewayMessageId = '" + messageId + "'", (session, browser) -> Collections.list(browser.getEnumeration())
                        .stream().map(Message.class::cast).toList()), list -> list.size() == 1);
        return found.get(0);
    }
}
