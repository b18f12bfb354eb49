package id.ossgateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.ossgateway.audit.AuditEntry;
import id.ossgateway.audit.AuditLog;
import id.ossgateway.delivery.OssCircuit;
import id.ossgateway.envelope.SourceRef;
import id.ossgateway.journal.JournalRetention;
import id.ossgateway.journal.MessageJournal;
import id.ossgateway.journal.MessageState;
import id.ossgateway.journal.StoredMessage;
import id.ossgateway.source.Ingest;
import id.ossgateway.source.IngestResult;
import id.ossgateway.source.SourceRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What operators and OPD staff do with the journal and the dead-letter queue, through the API: search, journeys,
 * personal data masked by role, another OPD's messages hidden, bulk replay and discard of dead letters, and the
 * retention of delivered messages.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class OperationsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 6);
    private static final String PASSWORD = "staff-pass-" + RUN;
    private static final String OPD_A = "opsa-" + RUN;
    private static final String OPD_B = "opsb-" + RUN;
    private static final String PUSH_SYSTEM = "ops-push-" + RUN;
    private static final String PERSONAL_NOTE = "pemohon Budi, NIK 3201234567890001, telp 081234567890, budi@x.go.id";
    private static int port;
    private static String pushKey;

    @Autowired
    Ingest ingest;
    @Autowired
    MessageJournal journal;
    @Autowired
    OssCircuit circuit;
    @Autowired
    AuditLog audit;
    @Autowired
    JournalRetention retention;
    @Autowired
    JdbcTemplate state;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        port = GatewayTestSupport.register(registry);
        Path mappings = Files.createTempDirectory("operations-it-mappings");
        String feed = Files.readString(Paths.get("src/test/resources/it/mappings/it-feed.yaml"));
        Files.writeString(mappings.resolve("it-feed.yaml"), feed);
        Files.writeString(mappings.resolve(PUSH_SYSTEM + ".yaml"), feed.replace("system: it-feed", "system: " + PUSH_SYSTEM));
        registry.add("gateway.mappings-dir", mappings::toString);
    }

    private static boolean prepared;

    /** Once, after the gateway started: two OPDs with a staff user each, an integrator, and OPD A's push system. */
    @BeforeEach
    void prepare() throws IOException {
        GatewayTestSupport.delete(port, "/oss-sim/_faults");
        await().atMost(Duration.ofSeconds(30)).until(() -> !circuit.isOpen());
        if (prepared) {
            return;
        }
        prepared = true;
        String admin = admin();
        for (String opd : List.of(OPD_A, OPD_B)) {
            ok(call(admin, "POST", "/api/v1/opds", Map.of("code", opd, "name", "Dinas " + opd)));
            ok(call(admin, "POST", "/api/v1/users", Map.of("username", "staff-" + opd, "password", PASSWORD,
                    "role", "OPD_STAFF", "opdCode", opd)));
        }
        ok(call(admin, "POST", "/api/v1/users", Map.of("username", "integrator-" + RUN, "password", PASSWORD,
                "role", "INTEGRATOR")));
        String staff = staffOf(OPD_A);
        ok(call(staff, "POST", "/api/v1/systems", Map.of("id", PUSH_SYSTEM, "kind", "REST_PUSH")));
        pushKey = JSON.readTree(ok(call(staff, "POST", "/api/v1/systems/" + PUSH_SYSTEM + "/push-key", null)))
                .path("apiKey").asText();
        ok(call(staff, "POST", "/api/v1/systems/" + PUSH_SYSTEM + "/submit", null));
        ok(call(admin, "POST", "/api/v1/systems/" + PUSH_SYSTEM + "/approve", Map.of("version",
                JSON.readTree(call(admin, "GET", "/api/v1/systems/" + PUSH_SYSTEM, null).body()).path("version").asInt())));
    }

    @Test
    void messagesAreFoundByNibIdIzinSystemStateAndTimeRangeNewestFirstInKeysetPages() throws Exception {
        String permit = newIdIzin();
        String nib = "9" + String.format("%012d", java.util.concurrent.ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
        Instant before = Instant.now().minusMillis(5);
        List<String> ids = accept(status(permit, "10", nib), status(permit, "20", nib), status(permit, "30", nib));
        List<String> other = accept(Records.status(newIdIzin(), "10", "2026-11-02 09:00:00"));
        Instant after = Instant.now().plusMillis(5);
        awaitState(ids, MessageState.DELIVERED);
        awaitState(other, MessageState.DELIVERED);

        assertThat(messageIds(search("idIzin=" + permit))).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(messageIds(search("nib=" + nib))).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(messageIds(search("messageId=" + ids.get(1)))).containsExactly(ids.get(1));
        assertThat(messageIds(search("system=it-feed&idIzin=" + permit))).hasSize(3);
        assertThat(messageIds(search("system=" + PUSH_SYSTEM + "&idIzin=" + permit))).isEmpty();
        assertThat(messageIds(search("state=DELIVERED&idIzin=" + permit))).hasSize(3);
        assertThat(messageIds(search("state=DEAD_LETTERED&idIzin=" + permit))).isEmpty();
        assertThat(messageIds(search("nib=" + nib + "&from=" + before + "&to=" + after))).hasSize(3);
        assertThat(messageIds(search("nib=" + nib + "&from=" + after))).isEmpty();
        assertThat(messageIds(search("nib=" + nib + "&to=" + before))).isEmpty();

        // newest first, two at a time: the pages join up without gaps or repeats
        JsonNode first = search("nib=" + nib + "&limit=2");
        assertThat(first.path("messages")).hasSize(2);
        JsonNode second = search("nib=" + nib + "&limit=2&before=" + first.path("next").asText());
        assertThat(second.path("messages")).hasSize(1);
        assertThat(second.path("next").isNull()).isTrue();
        List<JsonNode> all = new ArrayList<>();
        first.path("messages").forEach(all::add);
        second.path("messages").forEach(all::add);
        assertThat(all.stream().map(m -> m.path("messageId").asText())).containsExactlyInAnyOrderElementsOf(ids);
        for (int i = 1; i < all.size(); i++) {
            assertThat(Instant.parse(all.get(i - 1).path("receivedAt").asText()))
                    .isAfterOrEqualTo(Instant.parse(all.get(i).path("receivedAt").asText()));
        }
        assertThat(call(admin(), "GET", "/api/v1/messages?before=nonsense", null).statusCode()).isEqualTo(400);
    }

    @Test
    void aJourneyShowsEveryHopAndEachAttemptWithOssReplyAndLatency() throws Exception {
        GatewayTestSupport.put(port, "/oss-sim/_faults", "{\"failNext\": 1, \"failNextCode\": 500}");
        String permit = newIdIzin();
        String id = accept(Records.status(permit, "20", "2026-11-02 10:00:00")).get(0);
        awaitState(List.of(id), MessageState.DELIVERED);

        JsonNode journey = JSON.readTree(ok(call(admin(), "GET", "/api/v1/messages/" + id, null)));
        assertThat(journey.path("state").asText()).isEqualTo("DELIVERED");
        assertThat(journey.path("idIzin").asText()).isEqualTo(permit);
        assertThat(journey.path("systemId").asText()).isEqualTo("it-feed");
        assertThat(journey.path("sourceRef").asText()).contains(permit);
        assertThat(journey.path("document").path("IZINSTATUS").path("kd_status").asText()).isEqualTo("20");
        assertThat(journey.path("events").findValuesAsText("event"))
                .containsExactly("RECEIVED", "MAPPED", "QUEUED", "RETRY", "DELIVERED");
        assertThat(journey.path("events").get(0).path("detail").asText()).contains(permit);

        JsonNode attempts = journey.path("attempts");
        assertThat(attempts).hasSize(2);
        assertThat(attempts.get(0).path("outcome").asText()).isEqualTo("FAILED");
        assertThat(attempts.get(0).path("httpStatus").asInt()).isEqualTo(500);
        assertThat(attempts.get(1).path("outcome").asText()).isEqualTo("DELIVERED");
        assertThat(attempts.get(1).path("httpStatus").asInt()).isEqualTo(200);
        assertThat(attempts.get(1).path("ossKode").asInt()).isEqualTo(200);
        assertThat(attempts.get(1).path("keterangan").asText()).isNotBlank();
        assertThat(attempts).allSatisfy(a -> assertThat(a.path("latencyMs").isInt()).isTrue());
    }

    @Test
    void personalDataIsMaskedForOpdStaffAndAnotherOpdsMessageIsNotFound() throws Exception {
        String permit = newIdIzin();
        String id = push(permit);
        awaitState(List.of(id), MessageState.DELIVERED);
        String path = "/api/v1/messages/" + id;

        String operatorView = JSON.readTree(ok(call(admin(), "GET", path, null))).path("document").path("IZINSTATUS")
                .path("keterangan").asText();
        assertThat(operatorView).isEqualTo(PERSONAL_NOTE);

        String staff = staffOf(OPD_A);
        JsonNode own = JSON.readTree(ok(call(staff, "GET", path, null)));
        assertThat(own.path("document").path("IZINSTATUS").path("keterangan").asText())
                .contains("NIK 3201********0001", "b***@x.go.id", "telp 081******890")
                .doesNotContain("3201234567890001", "budi@", "081234567890");
        assertThat(messageIds(search(staff, "idIzin=" + permit))).containsExactly(id);

        String otherOpd = staffOf(OPD_B);
        assertThat(call(otherOpd, "GET", path, null).statusCode()).isEqualTo(404);
        assertThat(messageIds(search(otherOpd, "idIzin=" + permit))).isEmpty();
        assertThat(messageIds(search(otherOpd, "system=" + PUSH_SYSTEM))).isEmpty();
        // it-feed is defined in files only: it belongs to no OPD, so only operators see its messages
        String fileOnly = accept(Records.status(newIdIzin(), "10", "2026-11-02 09:00:00")).get(0);
        awaitState(List.of(fileOnly), MessageState.DELIVERED);
        assertThat(call(staff, "GET", "/api/v1/messages/" + fileOnly, null).statusCode()).isEqualTo(404);
        assertThat(messageIds(search(staff, "messageId=" + fileOnly))).isEmpty();

        String integrator = GatewayTestSupport.token(port, "integrator-" + RUN, PASSWORD);
        assertThat(call(integrator, "GET", path, null).statusCode()).isEqualTo(403);
        assertThat(call(integrator, "GET", "/api/v1/dead-letters", null).statusCode()).isEqualTo(403);
        assertThat(call(staff, "GET", "/api/v1/dead-letters", null).statusCode()).isEqualTo(403);
        assertThat(call(staff, "POST", "/api/v1/dead-letters/replay", Map.of("messageIds", List.of(id))).statusCode())
                .isEqualTo(403);
    }

    @Test
    void refusedMessagesReplayedInBulkReachOssExactlyOnceEach() throws Exception {
        List<String> permits = List.of(newIdIzin(), newIdIzin(), newIdIzin());
        refuse(permits);
        List<String> ids = accept(permits.stream().map(p -> Records.status(p, "20", "2026-11-02 10:00:00"))
                .toArray(SourceRecord[]::new));
        awaitState(ids, MessageState.DEAD_LETTERED);
        // the journal says DEAD_LETTERED before the batch's commit puts the messages into the dead-letter queue
        List<JsonNode> browsed = await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters(ids), d -> d.size() == 3);
        assertThat(browsed).hasSize(3).allSatisfy(d -> {
            assertThat(d.path("reason").asText()).contains("400");
            assertThat(d.path("ossHttpStatus").asInt()).isEqualTo(400);
            assertThat(d.path("systemId").asText()).isEqualTo("it-feed");
            assertThat(d.path("attempts").asInt()).isEqualTo(1);
            assertThat(d.path("originalQueue").asText()).isEqualTo("oss.outbound");
            assertThat(d.path("deadLetteredAt").asText()).isNotBlank();
        });
        assertThat(browsed.stream().map(d -> d.path("idIzin").asText())).containsExactlyInAnyOrderElementsOf(permits);

        GatewayTestSupport.delete(port, "/oss-sim/_faults"); // OSS accepts them now
        List<String> selection = new ArrayList<>(ids);
        selection.add(UUID.randomUUID().toString());
        JsonNode results = JSON.readTree(ok(call(admin(), "POST", "/api/v1/dead-letters/replay",
                Map.of("messageIds", selection)))).path("results");
        assertThat(results.findValuesAsText("outcome")).containsExactly("REPLAYED", "REPLAYED", "REPLAYED", "NOT_FOUND");

        awaitState(ids, MessageState.DELIVERED);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(20)).until(() ->
                permits.stream().allMatch(p -> acceptedCalls(p) == 1));
        assertThat(deadLetters(ids)).isEmpty();
        for (String id : ids) {
            assertThat(journal.events(id).stream().map(e -> e.event()))
                    .containsSubsequence("DEAD_LETTERED", "REPLAYED", "DELIVERED");
            assertThat(journal.find(id).orElseThrow().attempts()).isEqualTo(1);
            assertThat(audit.about("message:" + id)).extracting(AuditEntry::actor, AuditEntry::action)
                    .containsExactly(tuple("admin", "DEAD_LETTER_REPLAY"));
        }
    }

    @Test
    void aDiscardNeedsAReasonAndIsRecordedInJournalAndAuditLog() throws Exception {
        String permit = newIdIzin();
        refuse(List.of(permit));
        String id = accept(Records.status(permit, "20", "2026-11-02 10:00:00")).get(0);
        awaitState(List.of(id), MessageState.DEAD_LETTERED);
        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters(List.of(id)).size() == 1);

        assertThat(call(admin(), "POST", "/api/v1/dead-letters/discard", Map.of("messageIds", List.of(id)))
                .statusCode()).isEqualTo(400);
        assertThat(deadLetters(List.of(id))).hasSize(1);

        String reason = "entered twice by hand, the other one was delivered";
        JsonNode results = JSON.readTree(ok(call(admin(), "POST", "/api/v1/dead-letters/discard",
                Map.of("messageIds", List.of(id), "reason", reason)))).path("results");
        assertThat(results.findValuesAsText("outcome")).containsExactly("DISCARDED");

        StoredMessage discarded = journal.find(id).orElseThrow();
        assertThat(discarded.state()).isEqualTo(MessageState.DISCARDED);
        assertThat(discarded.lastError()).contains(reason);
        assertThat(journal.events(id).get(journal.events(id).size() - 1).detail()).isEqualTo("by admin: " + reason);
        assertThat(audit.about("message:" + id)).singleElement().satisfies(a -> {
            assertThat(a.actor()).isEqualTo("admin");
            assertThat(a.action()).isEqualTo("DEAD_LETTER_DISCARD");
            assertThat(a.detail()).startsWith(reason);
        });
        assertThat(deadLetters(List.of(id))).isEmpty();
        GatewayTestSupport.delete(port, "/oss-sim/_faults");
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(20)).until(() -> acceptedCalls(permit) == 0);
    }

    @Test
    void retentionDeletesDeliveredMessagesOlderThanTheCutoffAndKeepsDeadLetters() {
        String delivered = newIdIzin();
        String refused = newIdIzin();
        refuse(List.of(refused));
        SourceRecord record = Records.status(delivered, "10", "2026-11-02 09:00:00");
        String deliveredId = accept(record).get(0);
        String deadId = accept(Records.status(refused, "10", "2026-11-02 09:00:00")).get(0);
        awaitState(List.of(deliveredId), MessageState.DELIVERED);
        awaitState(List.of(deadId), MessageState.DEAD_LETTERED);
        Instant deliveredAt = journal.find(deliveredId).orElseThrow().stateAt();

        retention.purgeDeliveredBefore(deliveredAt.minusSeconds(1));
        assertThat(journal.find(deliveredId)).as("delivered after the cutoff: kept").isPresent();

        assertThat(retention.purgeDeliveredBefore(Instant.now().plusSeconds(1))).isPositive();
        assertThat(journal.find(deliveredId)).isEmpty();
        assertThat(journal.events(deliveredId)).isEmpty();
        assertThat(state.queryForObject("select count(*) from delivery_attempt where message_id = ?", Integer.class,
                deliveredId)).isZero();
        assertThat(journal.find(deadId).map(StoredMessage::state)).contains(MessageState.DEAD_LETTERED);
        assertThat(journal.events(deadId)).isNotEmpty();

        // what OSS has is still known: the same record read again is not sent a second time
        accept(record);
        awaitState(List.of(deliveredId), MessageState.DUPLICATE);
        assertThat(acceptedCalls(delivered)).isEqualTo(1);
    }

    // --- helpers

    private static String newIdIzin() {
        return "OPS-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static SourceRecord status(String idIzin, String kdStatus, String nib) {
        Map<String, Object> fields = new LinkedHashMap<>(Records.status(idIzin, kdStatus, "2026-11-02 10:00:00").fields());
        fields.put("nib", nib);
        return new SourceRecord(SourceRef.row("it_table", idIzin + "/" + kdStatus), fields);
    }

    private List<String> accept(SourceRecord... records) {
        IngestResult result = ingest.accept("it-feed", List.of(records));
        assertThat(result.accepted()).isEqualTo(records.length);
        return result.outcomes().stream().map(IngestResult.Outcome::id).toList();
    }

    /** Pushes one record with personal data in its free text through OPD A's push system; returns its message id. */
    private static String push(String idIzin) throws IOException {
        Map<String, Object> fields = new LinkedHashMap<>(Records.status(idIzin, "10", "2026-11-02 10:00:00").fields());
        fields.put("keterangan", PERSONAL_NOTE);
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                            + "/api/v1/inbound/" + PUSH_SYSTEM)).header("X-Api-Key", pushKey)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(fields))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
            assertThat(JSON.readTree(r.body()).path("accepted").asInt()).as(r.body()).isEqualTo(1);
            return JSON.readTree(r.body()).path("records").get(0).path("trackingId").asText();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void refuse(List<String> permits) {
        Map<String, Integer> codes = new LinkedHashMap<>();
        permits.forEach(p -> codes.put(p, 400));
        try {
            GatewayTestSupport.put(port, "/oss-sim/_faults", JSON.writeValueAsString(Map.of("failIdIzin", codes)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitState(List<String> ids, MessageState expected) {
        await().atMost(Duration.ofSeconds(30)).until(() -> ids.stream()
                .allMatch(id -> journal.find(id).map(StoredMessage::state).orElse(null) == expected));
    }

    private static long acceptedCalls(String idIzin) {
        return StreamSupport.stream(GatewayTestSupport.get(port, "/oss-sim/_calls?method=receiveLicenseStatus")
                        .spliterator(), false)
                .filter(c -> idIzin.equals(c.path("body").path("IZINSTATUS").path("id_izin").asText()))
                .filter(c -> c.path("reply").path("status").asInt() == 200).count();
    }

    private static List<JsonNode> deadLetters(List<String> ids) {
        List<JsonNode> found = new ArrayList<>();
        GatewayTestSupport.get(port, "/api/v1/dead-letters?limit=1000").forEach(d -> {
            if (ids.contains(d.path("messageId").asText())) {
                found.add(d);
            }
        });
        return found;
    }

    private static JsonNode search(String query) throws IOException {
        return search(admin(), query);
    }

    private static JsonNode search(String token, String query) throws IOException {
        return JSON.readTree(ok(call(token, "GET", "/api/v1/messages?" + query, null)));
    }

    private static List<String> messageIds(JsonNode page) {
        return page.path("messages").findValuesAsText("messageId");
    }

    private static String admin() {
        return GatewayTestSupport.adminToken(port);
    }

    private static String staffOf(String opd) {
        return GatewayTestSupport.token(port, "staff-" + opd, PASSWORD);
    }

    private static String ok(HttpResponse<String> reply) {
        assertThat(reply.statusCode()).as(reply.body()).isLessThan(300);
        return reply.body();
    }

    private static HttpResponse<String> call(String token, String method, String path, Object body) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
