package id.ossgateway.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import id.ossgateway.it.GatewayTestSupport;
import id.ossgateway.it.Records;
import id.ossgateway.registry.RegistryProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import id.ossgateway.mapping.MappingRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The operator's daily work in the browser: find a message by NIB and read its journey; bulk-replay
 * dead letters once OSS accepts again and see each delivered once; discard one with a reason; test a
 * system's connection. And OPD staff never see another OPD's messages.
 */
class ConsoleOperationsIT extends ConsoleTestGateway {

    private static ConsoleBrowser browser;

    @Autowired
    RegistryProperties registry;
    @Autowired
    MappingRegistry mappings;

    @BeforeEach
    void browser() {
        if (browser == null) {
            browser = ConsoleBrowser.open(port);
        }
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aMessageIsFoundByNibAndItsJourneyShowsTheDeliveryWithOssReplyAndLatency() throws Exception {
        String nib = uniqueNib();
        String idIzin = "CJ-" + UUID.randomUUID().toString().substring(0, 8);
        String messageId = push("it-feed", PUSH_KEY, JSON.writeValueAsString(record(idIzin, nib))).path("records")
                .get(0).path("trackingId").asText();
        // the simulator logs a call before it answers: wait for the journal, which is written after the answer
        await().atMost(Duration.ofSeconds(30)).until(() -> state(messageId).equals("DELIVERED"));

        browser.signIn(ADMIN, ADMIN_PASSWORD);
        browser.go("/console/messages?lang=en");
        browser.fill(By.id("q-nib"), nib);
        browser.click(By.id("search"));
        List<WebElement> rows = browser.driver().findElements(By.cssSelector("#messages tbody tr"));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).getText()).contains(idIzin, nib, "delivered");
        browser.click(By.cssSelector("#messages a.journey"));

        assertThat(browser.text(By.id("message-state"))).isEqualTo("delivered");
        assertThat(events()).containsSubsequence("RECEIVED", "MAPPED", "QUEUED", "DELIVERED");
        assertThat(browser.text(By.cssSelector("#attempts td.latency"))).matches("\\d+ ms");
        assertThat(browser.text(By.id("attempts"))).contains("200");
        assertThat(browser.text(By.id("document"))).contains(idIzin);
        Path shot = browser.screenshot("message-journey");
        Files.createDirectories(Paths.get("docs"));
        Files.copy(shot, Paths.get("docs/console-journey.png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void deadLettersAreReplayedInBulkAfterOssRecoversAndOneIsDiscardedWithItsReason() throws Exception {
        List<String> permits = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            permits.add("CD-" + UUID.randomUUID().toString().substring(0, 8));
        }
        String discarded = "CX-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Integer> refusals = new LinkedHashMap<>();
        permits.forEach(p -> refusals.put(p, 400));
        refusals.put(discarded, 400);
        GatewayTestSupport.put(port, "/oss-sim/_faults", JSON.writeValueAsString(Map.of("failIdIzin", refusals)));
        Map<String, String> messageIds = new LinkedHashMap<>();
        for (String permit : refusals.keySet()) {
            JsonNode reply = push("it-feed", PUSH_KEY, JSON.writeValueAsString(record(permit, uniqueNib())));
            messageIds.put(permit, reply.path("records").get(0).path("trackingId").asText());
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> messageIds.values().stream()
                .allMatch(id -> state(id).equals("DEAD_LETTERED")));
        // the page shows the dead-letter queue, which gets them at their batch's commit, after the journal
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode dead = GatewayTestSupport.get(port, "/api/v1/dead-letters?limit=1000");
            return messageIds.values().stream().allMatch(id -> dead.toString().contains(id));
        });
        GatewayTestSupport.delete(port, "/oss-sim/_faults"); // OSS accepts again

        browser.signIn(ADMIN, ADMIN_PASSWORD);
        browser.go("/console/dead-letters?lang=en");
        for (String id : messageIds.values()) {
            browser.visible(By.id("dead-" + id));
        }
        browser.click(By.cssSelector("#dead-" + messageIds.get(discarded) + " input[name=id]"));
        browser.fill(By.id("discard-reason"), "sent by mistake, withdrawn by the OPD");
        browser.click(By.id("discard-selected"));
        assertThat(browser.text(By.id("outcomes"))).contains(messageIds.get(discarded));
        assertThat(browser.driver().findElements(By.cssSelector("#outcomes li")).stream()
                .map(e -> e.getAttribute("data-outcome")).toList()).containsExactly("DISCARDED");

        browser.click(By.id("select-all"));
        browser.screenshot("dead-letters-selected");
        browser.click(By.id("replay-selected"));
        List<String> outcomes = browser.driver().findElements(By.cssSelector("#outcomes li")).stream()
                .map(e -> e.getAttribute("data-outcome")).toList();
        assertThat(outcomes).hasSize(3).containsOnly("REPLAYED");

        await().atMost(Duration.ofSeconds(30)).until(() -> permits.stream().allMatch(p -> deliveredStatus(p) != null));
        for (String permit : permits) {
            assertThat(acceptedCalls(permit)).as(permit).isEqualTo(1);
        }
        assertThat(acceptedCalls(discarded)).isZero();
        browser.go("/console/messages/" + messageIds.get(discarded) + "?lang=en");
        assertThat(browser.text(By.id("message-state"))).isEqualTo("discarded");
        assertThat(events()).contains("DISCARDED");
        assertThat(browser.text(By.id("events"))).contains("sent by mistake");
        browser.go("/console/dead-letters?lang=en");
        assertThat(browser.present(By.id("no-dead-letters")) || browser.driver()
                .findElements(By.cssSelector("#dead-letters tbody tr")).stream()
                .noneMatch(r -> messageIds.values().stream().anyMatch(id -> r.getAttribute("id").equals("dead-" + id))))
                .isTrue();
    }

    @Test
    void opdStaffDoNotSeeAnotherOpdsMessagesAndSeeTheirOwnMasked() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String system = "console-push-" + run;
        String password = "staff-pass-" + run;
        writeMapping(system, null, 0);
        await().atMost(Duration.ofSeconds(10)).until(() -> mappings.forSystem(system).isPresent());
        for (String opd : List.of("own-" + run, "other-" + run)) {
            api("POST", "/api/v1/opds", Map.of("code", opd, "name", "Dinas " + opd));
            api("POST", "/api/v1/users", Map.of("username", "staff-" + opd, "password", password, "role", "OPD_STAFF",
                    "opdCode", opd));
        }
        api("POST", "/api/v1/systems", Map.of("id", system, "opdCode", "own-" + run, "kind", "REST_PUSH"));
        String key = api("POST", "/api/v1/systems/" + system + "/push-key", null).path("apiKey").asText();
        api("POST", "/api/v1/systems/" + system + "/submit", null);
        api("POST", "/api/v1/systems/" + system + "/approve", java.util.Map.of("version",
                api("GET", "/api/v1/systems/" + system, null).path("version").asInt()));
        String nib = uniqueNib();
        Map<String, Object> fields = record("CO-" + run, nib);
        fields.put("keterangan", "hubungi siti.rahma@contoh.go.id");
        String messageId = push(system, key, JSON.writeValueAsString(fields)).path("records").get(0)
                .path("trackingId").asText();

        browser.signIn("staff-other-" + run, password);
        browser.go("/console/messages?nib=" + nib);
        browser.visible(By.id("no-messages"));
        browser.go("/console/messages/" + messageId);
        assertThat(browser.present(By.id("message-state"))).isFalse();
        assertThat(browser.driver().getPageSource()).doesNotContain("CO-" + run);
        browser.screenshot("message-of-another-opd");

        browser.signIn("staff-own-" + run, password);
        browser.go("/console/messages/" + messageId);
        assertThat(browser.text(By.id("document"))).contains("CO-" + run).doesNotContain("siti.rahma@contoh.go.id");
    }

    @Test
    void theConnectionTestOfASystemShowsItsVerdict() throws Exception {
        String system = "console-folder-" + UUID.randomUUID().toString().substring(0, 6);
        Path folder = Files.createDirectories(registry.folderRoot().resolve(system));
        api("POST", "/api/v1/opds", Map.of("code", system, "name", "Dinas Folder"));
        api("POST", "/api/v1/systems", Map.of("id", system, "opdCode", system, "kind", "FOLDER",
                "settings", Map.of("path", system)));
        browser.signIn(ADMIN, ADMIN_PASSWORD);
        browser.go("/console/systems/" + system + "?lang=en");
        browser.click(By.id("test-connection"));
        assertThat(browser.text(By.id("verdict-code"))).isEqualTo("OK");

        Files.delete(folder); // the OPD removed its folder
        browser.click(By.id("test-connection"));
        assertThat(browser.text(By.id("verdict-code"))).isEqualTo("FOLDER_MISSING");
        assertThat(browser.text(By.id("verdict"))).contains(system);
    }

    private List<String> events() {
        return browser.driver().findElements(By.cssSelector("#events li")).stream()
                .map(e -> e.getAttribute("data-event")).toList();
    }

    private static Map<String, Object> record(String idIzin, String nib) {
        Map<String, Object> fields = new LinkedHashMap<>(Records.status(idIzin, "10", "2026-11-02 10:00:00").fields());
        fields.put("nib", nib);
        return fields;
    }

    private static String uniqueNib() {
        return String.valueOf(9_000_000_000_000L + (long) (Math.random() * 999_999_999_999L));
    }

    private static String state(String messageId) {
        return GatewayTestSupport.get(port, "/api/v1/messages/" + messageId).path("state").asText();
    }

    private static long acceptedCalls(String idIzin) {
        long n = 0;
        for (JsonNode call : GatewayTestSupport.get(port, "/oss-sim/_calls?method=receiveLicenseStatus")) {
            if (call.path("body").path("IZINSTATUS").path("id_izin").asText().equals(idIzin)
                    && call.path("reply").path("status").asInt() == 200) {
                n++;
            }
        }
        return n;
    }
}
