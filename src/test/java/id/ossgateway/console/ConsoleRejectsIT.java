package id.ossgateway.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import id.ossgateway.it.Records;
import id.ossgateway.mapping.MappingRegistry;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A record pushed to a system whose mapping lacks a status code is rejected; the console lists it with its
 * reason, the mapping preview shows the same refusal, and after the mapping file is fixed one click replays
 * it through to OSS.
 */
class ConsoleRejectsIT extends ConsoleTestGateway {

    private static ConsoleBrowser browser;

    @Autowired
    MappingRegistry mappings;

    @BeforeEach
    void browser() {
        if (browser == null) {
            writeMapping("console-feed", "    LENGKAP: \"10\"\n", 0);
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
    void aRejectIsReplayedFromTheConsoleAfterItsMappingIsFixedAndReachesOss() throws Exception {
        await().atMost(Duration.ofSeconds(10)).until(() -> mappings.forSystem("console-feed").isPresent());
        String id = "CR-" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode reply = push("console-feed", PUSH_KEY,
                JSON.writeValueAsString(Records.status(id, "VERIFIKASI", "2026-11-02 10:00:00").fields()));
        assertThat(reply.path("rejected").asInt()).isEqualTo(1);
        String rejectId = reply.path("records").get(0).path("trackingId").asText();

        browser.signIn(ADMIN, ADMIN_PASSWORD);
        browser.go("/console/rejects?system=console-feed&lang=en");
        By row = By.id("reject-" + rejectId);
        assertThat(browser.visible(row).getText()).contains("kd_status", "OPEN".toLowerCase());

        // replayed before the fix: still open, with the reason
        browser.click(By.cssSelector("#reject-" + rejectId + " button.replay"));
        assertThat(browser.text(By.id("replay-outcome"))).startsWith("Replay: open.").contains("kd_status");
        assertThat(browser.text(By.id("reject-status"))).isEqualTo("open");
        assertThat(browser.text(By.id("field-kd_status"))).isEqualTo("VERIFIKASI");

        // the mapping preview refuses the record for the same reason
        browser.click(By.cssSelector("form[action$='/console/mappings/preview'] button"));
        assertThat(browser.text(By.id("result-1"))).contains("rejected", "kd_status");
        browser.screenshot("mapping-preview-rejected");

        String before = mappings.forSystem("console-feed").orElseThrow().version();
        writeMapping("console-feed", "    LENGKAP: \"10\"\n    VERIFIKASI: \"20\"\n", 10);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !mappings.forSystem("console-feed").orElseThrow().version().equals(before));
        browser.click(By.id("run-preview"));
        assertThat(browser.text(By.id("result-1"))).contains("mapped", "\"kd_status\" : \"20\"");

        browser.go("/console/rejects/" + rejectId);
        browser.screenshot("reject-before-replay");
        browser.click(By.id("replay"));
        assertThat(browser.text(By.id("reject-status"))).isEqualTo("resolved");
        assertThat(browser.text(By.id("replay-outcome"))).contains("queued for delivery");
        String messageId = browser.text(By.id("message-id"));
        assertThat(messageId).isNotBlank();
        browser.screenshot("reject-replayed");

        await().atMost(Duration.ofSeconds(30)).until(() -> deliveredStatus(id) != null);
        assertThat(deliveredStatus(id).path("kd_status").asText()).isEqualTo("20");
        browser.go("/console/rejects?system=console-feed&status=OPEN");
        assertThat(browser.present(row)).isFalse();
    }
}
