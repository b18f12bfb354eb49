package id.ossgateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.ossgateway.mapping.MappingRegistry;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The mapping editor's API: OPD staff save and submit their own OPD's mapping without file access, an integrator
 * approves the version by its number, every version is kept with its diff, a rollback is one call, a mapping
 * naming a column the sample rows lack is refused with the nearest name, and a version put in force in the
 * state database by another node is in force here within the reload interval, without a restart.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class MappingEditorIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 6);
    private static final String PASSWORD = "editor-pass-" + RUN;
    private static final String SYSTEM = "editor-" + RUN;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static int port;

    @Autowired
    MappingRegistry mappings;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    id.ossgateway.source.Ingest ingest;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        port = GatewayTestSupport.register(registry);
        Path dir = Files.createTempDirectory("editor-mappings");
        Files.writeString(dir.resolve(SYSTEM + ".yaml"), Files.readString(Paths.get("src/test/resources/it/mappings/it-feed.yaml"))
                .replace("system: it-feed", "system: " + SYSTEM).replace("opd: DPMPTSP-IT", "opd: Editor-" + RUN));
        registry.add("gateway.mappings-dir", dir::toString);
        registry.add("gateway.mapping.reload-interval", () -> "300ms");
    }

    @Test
    void opdStaffSubmitAnIntegratorApprovesByNumberAndEveryNodeFollowsTheStateDatabase() throws Exception {
        String admin = GatewayTestSupport.adminToken(port);
        String opd = "editor-" + RUN; // the mapping says Editor-…: the same OPD, one code everywhere
        RegistryIT.call(admin, "POST", "/api/v1/opds", Map.of("code", opd, "name", "Dinas Editor"), port);
        RegistryIT.call(admin, "POST", "/api/v1/opds", Map.of("code", "other-" + RUN, "name", "Dinas Lain"), port);
        for (String[] u : new String[][] {{"staff-" + RUN, "OPD_STAFF", opd}, {"outsider-" + RUN, "OPD_STAFF", "other-" + RUN},
                {"integrator-" + RUN, "INTEGRATOR", null}}) {
            Map<String, Object> body = new java.util.HashMap<>(Map.of("username", u[0], "password", PASSWORD, "role", u[1]));
            if (u[2] != null) {
                body.put("opdCode", u[2]);
            }
            RegistryIT.call(admin, "POST", "/api/v1/users", body, port);
        }
        RegistryIT.call(admin, "POST", "/api/v1/systems", Map.of("id", SYSTEM, "opdCode", opd, "kind", "REST_PUSH",
                "scheduleMs", 60000), port);
        String staff = GatewayTestSupport.token(port, "staff-" + RUN, PASSWORD);
        String outsider = GatewayTestSupport.token(port, "outsider-" + RUN, PASSWORD);
        String integrator = GatewayTestSupport.token(port, "integrator-" + RUN, PASSWORD);

        String file = json(call(staff, "GET", "/api/v1/mappings/" + SYSTEM, null)).path("yaml").asText();
        assertThat(file).contains("system: " + SYSTEM);
        assertThat(call(outsider, "GET", "/api/v1/mappings/" + SYSTEM, null).statusCode()).as("another OPD").isEqualTo(404);

        // sample rows of the OPD's system: a mapping naming a column they lack is refused with the nearest name
        assertThat(call(staff, "PUT", "/api/v1/mappings/" + SYSTEM + "/sample", Map.of("sample",
                JSON.writeValueAsString(List.of(Records.status("I-ED1", "10", "2026-11-02 10:00:00").fields(),
                        Records.licence("I-ED2").fields())))).statusCode()).isEqualTo(200);
        HttpResponse<String> typo = call(staff, "POST", "/api/v1/mappings/" + SYSTEM + "/versions",
                Map.of("yaml", file.replace("kd_status: kd_status", "kd_status: kd_statsu")));
        assertThat(typo.statusCode()).isEqualTo(400);
        assertThat(typo.body()).contains("column 'kd_statsu' does not exist; did you mean 'kd_status'?");

        // OPD staff submit: the version waits, the file stays in force
        String edited = file.replace("kd_instansi: kd_instansi", "kd_instansi: { value: \"009\" }");
        JsonNode v1 = json(call(staff, "POST", "/api/v1/mappings/" + SYSTEM + "/versions", Map.of("yaml", edited, "note", "kode tetap")));
        assertThat(v1.path("state").asText()).isEqualTo("SUBMITTED");
        assertThat(call(staff, "POST", "/api/v1/mappings/" + SYSTEM + "/versions/1/approve", null).statusCode()).isEqualTo(403);
        assertThat(mappings.forSystem(SYSTEM).orElseThrow().version()).doesNotContain("@v");
        assertThat(json(call(staff, "GET", "/api/v1/mappings/" + SYSTEM + "/versions/1/diff", null)).path("diff").asText())
                .contains("-    kd_instansi: kd_instansi", "+    kd_instansi: { value: \"009\" }");

        // the integrator approves exactly version 1: in force at once
        assertThat(json(call(integrator, "POST", "/api/v1/mappings/" + SYSTEM + "/versions/1/approve", null))
                .path("live").asBoolean()).isTrue();
        assertThat(mappings.forSystem(SYSTEM).orElseThrow().version()).isEqualTo(SYSTEM + "@v1");
        assertThat(call(integrator, "POST", "/api/v1/mappings/" + SYSTEM + "/versions/1/approve", null).statusCode())
                .as("approved already").isEqualTo(409);

        // the integrator saves version 2 (in force at once), then rolls back to version 1 with one call
        JsonNode v2 = json(call(integrator, "POST", "/api/v1/mappings/" + SYSTEM + "/versions",
                Map.of("yaml", edited.replace("\"009\"", "\"010\""))));
        assertThat(v2.path("state").asText()).isEqualTo("APPROVED");
        assertThat(mappings.forSystem(SYSTEM).orElseThrow().version()).isEqualTo(SYSTEM + "@v2");
        call(integrator, "POST", "/api/v1/mappings/" + SYSTEM + "/versions/1/rollback", null);
        assertThat(mappings.forSystem(SYSTEM).orElseThrow().version()).isEqualTo(SYSTEM + "@v1");

        // another node puts version 2 back in force through the shared state database: followed without restart
        jdbc.update("update mapping_live set version_no = 2, since = ?, set_by = 'node-2' where system_id = ?",
                Timestamp.from(Instant.now()), SYSTEM);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> mappings.forSystem(SYSTEM).orElseThrow().version().equals(SYSTEM + "@v2"));
        assertThat(json(call(staff, "GET", "/api/v1/mappings/" + SYSTEM + "/versions", null)).findValuesAsText("state"))
                .containsExactly("APPROVED", "APPROVED");

        // a record the mapping skips on purpose is kept per row with the rule's reason, visible to the OPD (masked)
        json(call(integrator, "POST", "/api/v1/mappings/" + SYSTEM + "/versions", Map.of("yaml", edited.replace(
                "routing:\n", "routing:\n  - when: \"kd_status = '09'\"\n    skip: draf tidak dilaporkan\n"))));
        Map<String, Object> draft = new java.util.LinkedHashMap<>(Records.status("I-ED9", "09", "2026-11-02 10:00:00").fields());
        draft.put("nik_pemohon", "3271014509870001");
        assertThat(ingest.accept(SYSTEM, List.of(new id.ossgateway.source.SourceRecord(
                id.ossgateway.envelope.SourceRef.row("permohonan", "9"), draft))).skipped()).isEqualTo(1);
        JsonNode skipped = json(call(staff, "GET", "/api/v1/rejects/skipped?system=" + SYSTEM, null));
        assertThat(skipped).hasSize(1);
        assertThat(skipped.get(0).path("reason").asText()).isEqualTo("draf tidak dilaporkan");
        assertThat(skipped.get(0).path("sourceRef").asText()).isEqualTo("sql_row:permohonan#9");
        assertThat(skipped.get(0).path("record").path("nik_pemohon").asText()).isEqualTo("3271********0001");
        assertThat(json(call(outsider, "GET", "/api/v1/rejects/skipped?system=" + SYSTEM, null))).isEmpty();
    }

    private static HttpResponse<String> call(String token, String method, String path, Object body) {
        return RegistryIT.call(token, method, path, body, port);
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isLessThan(300);
        return JSON.readTree(r.body());
    }
}
