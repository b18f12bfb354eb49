package id.ossgateway.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import id.ossgateway.it.Records;
import id.ossgateway.mapping.MappingRegistry;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The registry screens with two OPDs: OPD staff register and submit a REST push system through the forms, an
 * operator approves it; staff of another OPD find neither the system nor its rejects (not-found page), and
 * OPD staff see their own rejects with personal data masked.
 */
class ConsoleRegistryIT extends ConsoleTestGateway {

    private static final String DINKES = "dinkes-" + RUN;
    private static final String DISHUB = "dishub-" + RUN;
    private static final String STAFF_PASSWORD = "staff-pass-" + RUN;
    /** Registered through the forms. */
    private static final String FORM_SYSTEM = "con-form-" + RUN;
    /** Registered and approved through the API, for the tenancy and masking checks. */
    private static final String PUSH_SYSTEM = "con-push-" + RUN;
    private static final String NIK = "3271014509870001";
    private static ConsoleBrowser browser;
    private static String pushKey;

    @Autowired
    MappingRegistry mappings;
    private static String rejectId;

    @BeforeEach
    void opdsUsersAndAnActiveSystem() throws Exception {
        if (browser != null) {
            return;
        }
        writeMapping(FORM_SYSTEM, null, 0);
        writeMapping(PUSH_SYSTEM, null, 0);
        for (String opd : List.of(DINKES, DISHUB)) {
            api("POST", "/api/v1/opds", Map.of("code", opd, "name", "Dinas " + opd, "contactName", "Petugas TI",
                    "contactEmail", "ti@" + opd + ".go.id", "contactPhone", "081234567890"));
            api("POST", "/api/v1/users", Map.of("username", staff(opd), "password", STAFF_PASSWORD,
                    "role", "OPD_STAFF", "opdCode", opd));
        }
        api("POST", "/api/v1/systems", Map.of("id", PUSH_SYSTEM, "opdCode", DINKES, "kind", "REST_PUSH",
                "name", "SIMPEL push"));
        api("POST", "/api/v1/systems/" + PUSH_SYSTEM + "/submit", null);
        awaitMapping(PUSH_SYSTEM);
        api("POST", "/api/v1/systems/" + PUSH_SYSTEM + "/approve", java.util.Map.of("version",
                api("GET", "/api/v1/systems/" + PUSH_SYSTEM, null).path("version").asInt()));
        pushKey = api("POST", "/api/v1/systems/" + PUSH_SYSTEM + "/push-key", null).path("apiKey").asText();
        Map<String, Object> bad = new LinkedHashMap<>(Records.status("MK-" + RUN, "10", "2026-11-02 10:00:00").fields());
        bad.remove("kd_status");
        bad.put("nik_pemohon", NIK);
        bad.put("email", "siti.rahma@example.co.id");
        bad.put("no_hp", "081234567890");
        JsonNode reply = push(PUSH_SYSTEM, pushKey, JSON.writeValueAsString(bad));
        rejectId = reply.path("records").get(0).path("trackingId").asText();
        browser = ConsoleBrowser.open(port);
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    /**
     * Regression (issue 16): a registered system could not be edited in the console, nor its push key issued.
     * Steps: OPD staff change the schedule of their active push system (no new approval needed: it stays
     * active), then replace its push key: shown once, the old key no longer works, the new one does.
     */
    @Test
    void opdStaffEditTheScheduleAndReplaceThePushKeyShownOnce() throws Exception {
        browser.signIn(staff(DINKES), STAFF_PASSWORD);
        browser.go("/console/systems/" + PUSH_SYSTEM + "?lang=en");
        browser.click(By.id("edit"));
        browser.fill(By.id("scheduleMs"), "120000");
        browser.click(By.id("save-edit"));
        assertThat(browser.text(By.id("flash-done"))).isEqualTo("Saved: the system runs with the new settings.");
        assertThat(browser.text(By.id("system-state"))).isEqualTo("active");

        String before = pushKey;
        browser.click(By.id("push-key"));
        String issued = browser.text(By.id("push-key-value"));
        assertThat(issued).startsWith("opd_").isNotEqualTo(before);
        pushKey = issued;
        browser.go("/console/systems/" + PUSH_SYSTEM);
        assertThat(browser.present(By.id("push-key-once"))).as("shown once").isFalse();
        var old = HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
                        + "/api/v1/inbound/" + PUSH_SYSTEM)).header("X-Api-Key", before)
                .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}"))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(old.statusCode()).isEqualTo(401);
        push(PUSH_SYSTEM, issued, JSON.writeValueAsString(Records.status("I-ED" + RUN, "10", "2026-11-02 10:00:00").fields()));
    }

    @Test
    void opdStaffRegisterAndSubmitASystemAndAnOperatorApprovesIt() {
        browser.signIn(staff(DINKES), STAFF_PASSWORD);
        browser.go("/console/systems?lang=en");
        browser.click(By.id("register"));
        browser.fill(By.id("id"), FORM_SYSTEM);
        browser.fill(By.id("name"), "SIMPEL Dinkes (push)");
        new Select(browser.visible(By.id("kind"))).selectByValue("SFTP");
        assertThat(browser.text(By.id("required-settings"))).isEqualTo("host, path, username");
        assertThat(browser.visible(By.id("password")).isDisplayed()).isTrue();
        new Select(browser.visible(By.id("kind"))).selectByValue("REST_PUSH");
        assertThat(browser.driver().findElement(By.id("password")).isDisplayed()).isFalse();
        browser.screenshot("registry-form");
        browser.click(By.id("save"));

        assertThat(browser.text(By.id("flash-done"))).isEqualTo("System registered as a draft.");
        assertThat(browser.visible(By.id("system-state")).getAttribute("class")).contains("DRAFT");
        assertThat(browser.present(By.id("approve"))).isFalse();
        browser.click(By.id("submit"));
        assertThat(browser.visible(By.id("system-state")).getAttribute("class")).contains("SUBMITTED");
        assertThat(browser.present(By.id("approve"))).as("OPD staff cannot approve").isFalse();

        browser.signIn(ADMIN, ADMIN_PASSWORD);
        browser.go("/console/systems?lang=en");
        browser.click(By.cssSelector("#system-" + FORM_SYSTEM + " a"));
        browser.click(By.id("approve"));
        assertThat(browser.text(By.id("flash-done"))).isEqualTo("Approved: the system is active.");
        assertThat(browser.text(By.id("system-state"))).isEqualTo("active");
        // audit actions in the page's language (system.created → "registered"), with who did them
        assertThat(browser.text(By.id("audit"))).contains("registered", "submitted for approval", "approved",
                staff(DINKES), ADMIN);
        browser.screenshot("registry-approved");
    }

    @Test
    void opdStaffCannotSeeAnotherOpdsSystemOrItsRejects() {
        browser.signIn(staff(DISHUB), STAFF_PASSWORD);
        browser.go("/console/systems");
        assertThat(browser.present(By.id("system-" + PUSH_SYSTEM))).isFalse();
        assertThat(browser.present(By.id("opd-" + DINKES))).isFalse();
        browser.go("/console");
        assertThat(browser.present(By.id("system-" + PUSH_SYSTEM))).isFalse();
        assertThat(browser.present(By.id("system-it-feed"))).as("file-defined systems are the operators'").isFalse();

        browser.go("/console/systems/" + PUSH_SYSTEM + "?lang=en");
        assertThat(browser.text(By.id("not-found"))).isEqualTo("Not found");
        browser.screenshot("other-opd-not-found");
        browser.go("/console/rejects/" + rejectId);
        assertThat(browser.text(By.id("not-found"))).isEqualTo("Not found");
        browser.go("/console/rejects?status=ALL");
        assertThat(browser.present(By.id("reject-" + rejectId))).isFalse();

        // the same URLs for the OPD's own staff
        browser.signIn(staff(DINKES), STAFF_PASSWORD);
        browser.go("/console/systems/" + PUSH_SYSTEM);
        assertThat(browser.visible(By.id("system-state")).getAttribute("class")).contains("ACTIVE");
        browser.go("/console");
        assertThat(browser.present(By.id("system-" + PUSH_SYSTEM))).isTrue();
    }

    @Test
    void opdStaffSeeTheirRejectsWithPersonalDataMaskedAndOperatorsInFull() {
        browser.signIn(staff(DINKES), STAFF_PASSWORD);
        browser.go("/console/rejects?lang=en");
        browser.click(By.cssSelector("#reject-" + rejectId + " a.open"));
        assertThat(browser.text(By.id("reasons"))).contains("kd_status");
        assertThat(browser.text(By.id("field-nik_pemohon"))).isEqualTo("3271********0001");
        assertThat(browser.text(By.id("field-email"))).isEqualTo("s***@example.co.id");
        assertThat(browser.text(By.id("field-no_hp"))).isEqualTo("081******890");
        assertThat(browser.text(By.id("field-nib"))).isEqualTo("9120301234567");
        assertThat(browser.driver().getPageSource()).doesNotContain(NIK, "siti.rahma", "081234567890");
        browser.screenshot("reject-masked-for-opd-staff");

        browser.signIn(ADMIN, ADMIN_PASSWORD);
        browser.go("/console/rejects/" + rejectId);
        assertThat(browser.text(By.id("field-nik_pemohon"))).isEqualTo(NIK);
        assertThat(browser.text(By.id("field-email"))).isEqualTo("siti.rahma@example.co.id");
    }

    private static String staff(String opd) {
        return "staff-" + opd;
    }

    private void awaitMapping(String system) {
        await().atMost(Duration.ofSeconds(10)).until(() -> mappings.forSystem(system).isPresent());
    }
}
