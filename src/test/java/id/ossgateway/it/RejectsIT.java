package id.ossgateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import id.ossgateway.mapping.MappingRegistry;
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
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Rejects end to end: a record the mapping cannot translate is rejected with its reason, listed through the
 * API, and after the mapping is fixed (hot reload, no restart) replayed through to the simulator; a preview
 * shows the document without sending it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class RejectsIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Path MAPPINGS = tempDir();
    private static int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        port = GatewayTestSupport.register(registry);
        writeMapping("    LENGKAP: \"10\"\n", 0);
        registry.add("gateway.mappings-dir", MAPPINGS::toString);
        registry.add("gateway.mapping.reload-interval", () -> "200ms");
    }

    @Autowired
    Ingest ingest;
    @Autowired
    MappingRegistry mappings;

    /** The it-feed mapping with kd_status translated through a value table. */
    private static void writeMapping(String lookupLines, int secondsLater) throws IOException {
        String base = Files.readString(Paths.get("src/test/resources/it/mappings/it-feed.yaml"));
        String text = base.replace("    kd_status: kd_status\n", "    kd_status: { source: kd_status, lookup: status }\n")
                + "lookups:\n  status:\n" + lookupLines;
        Path file = MAPPINGS.resolve("it-feed.yaml");
        Files.writeString(file, text);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(secondsLater)));
    }

    @Test
    void aRejectIsListedWithItsReasonAndDeliveredWhenReplayedAfterTheMappingIsFixed() throws Exception {
        String id = "RJ-" + UUID.randomUUID().toString().substring(0, 8);
        SourceRecord record = Records.status(id, "VERIFIKASI", "2026-11-02 10:00:00");
        IngestResult.Outcome outcome = ingest.accept("it-feed", List.of(record)).outcomes().get(0);
        assertThat(outcome.kind()).isEqualTo(IngestResult.Kind.REJECTED);
        assertThat(outcome.detail()).contains("kd_status", "lookup");

        JsonNode listed = GatewayTestSupport.get(port, "/api/v1/rejects?system=it-feed&status=OPEN");
        JsonNode reject = find(listed, outcome.id());
        assertThat(reject.path("reasons").get(0).path("field").asText()).isEqualTo("kd_status");
        assertThat(reject.path("record").path("kd_status").asText()).isEqualTo("VERIFIKASI");
        String before = mappings.forSystem("it-feed").orElseThrow().version();

        // replaying with the unchanged mapping: still open, 422
        HttpResponse<String> stillBad = post("/api/v1/rejects/" + outcome.id() + "/replay", "{}");
        assertThat(stillBad.statusCode()).isEqualTo(422);

        writeMapping("    LENGKAP: \"10\"\n    VERIFIKASI: \"20\"\n", 10);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !mappings.forSystem("it-feed").orElseThrow().version().equals(before));

        HttpResponse<String> replayed = post("/api/v1/rejects/" + outcome.id() + "/replay", "");
        assertThat(replayed.statusCode()).isEqualTo(200);
        assertThat(replayed.body()).contains("RESOLVED");
        await().atMost(Duration.ofSeconds(30)).until(() -> delivered(id) != null);
        assertThat(delivered(id).path("kd_status").asText()).isEqualTo("20");
        JsonNode after = GatewayTestSupport.get(port, "/api/v1/rejects/" + outcome.id());
        assertThat(after.path("status").asText()).isEqualTo("RESOLVED");
        assertThat(after.path("messageId").asText()).isNotBlank();
    }

    @Test
    void aReplayWithCorrectedDataIsDelivered() throws Exception {
        String id = "RJ-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> fields = new LinkedHashMap<>(Records.status(id, "LENGKAP", "2026-11-02 10:00:00").fields());
        fields.put("nib", "3271012345678901"); // a NIK typed into the NIB field
        IngestResult.Outcome outcome = ingest.accept("it-feed", List.of(new SourceRecord(
                Records.status(id, "LENGKAP", "x").ref(), fields))).outcomes().get(0);
        assertThat(outcome.kind()).isEqualTo(IngestResult.Kind.REJECTED);
        assertThat(outcome.detail()).contains("nib").doesNotContain("3271012345678901");

        HttpResponse<String> replayed = post("/api/v1/rejects/" + outcome.id() + "/replay",
                "{\"corrections\": {\"nib\": \"9120301234567\"}}");
        assertThat(replayed.statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> delivered(id) != null);
        assertThat(delivered(id).path("nib").asText()).isEqualTo("9120301234567");
    }

    @Test
    void aPreviewShowsDocumentsAndViolationsAndSendsNothing() throws Exception {
        String id = "PV-" + UUID.randomUUID().toString().substring(0, 8);
        String good = new com.fasterxml.jackson.databind.ObjectMapper()
                .writeValueAsString(Records.status(id, "LENGKAP", "2026-11-02 10:00:00").fields());
        HttpResponse<String> r = post("/api/v1/mappings/it-feed/preview",
                "{\"records\": [" + good + ", {\"id_izin\": \"" + id + "-bad\", \"kd_status\": \"LENGKAP\"}]}");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode results = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body()).path("results");
        assertThat(results.get(0).path("outcome").asText()).isEqualTo("MAPPED");
        assertThat(results.get(0).path("document").path("IZINSTATUS").path("kd_status").asText()).isEqualTo("10");
        assertThat(results.get(1).path("outcome").asText()).isEqualTo("REJECTED");
        assertThat(results.get(1).path("violations").toString()).contains("nib", "required");
        assertThat(delivered(id)).isNull();
    }

    private JsonNode delivered(String idIzin) {
        for (JsonNode call : GatewayTestSupport.get(port, "/oss-sim/_calls?method=receiveLicenseStatus")) {
            JsonNode doc = call.path("body").path("IZINSTATUS");
            if (doc.path("id_izin").asText().equals(idIzin) && call.path("reply").path("status").asInt() == 200) {
                return doc;
            }
        }
        return null;
    }

    private static JsonNode find(JsonNode list, String rejectId) {
        for (JsonNode r : list) {
            if (r.path("rejectId").asText().equals(rejectId)) {
                return r;
            }
        }
        throw new AssertionError("reject " + rejectId + " not listed: " + list);
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        return HTTP.send(GatewayTestSupport.authorized(port, path)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("rejects-it-mappings");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
