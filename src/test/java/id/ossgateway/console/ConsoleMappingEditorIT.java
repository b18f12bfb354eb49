package id.ossgateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import id.ossgateway.it.Records;
import id.ossgateway.mapping.MappingRegistry;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The mapping editor in a real browser: sample rows saved once, the preview following every keystroke (a column
 * the rows lack is named with the nearest one; a fixed value shows up in the document), and saving a version
 * that is in force at once for an integrator's or operator's save.
 */
class ConsoleMappingEditorIT extends ConsoleTestGateway {

    private static ConsoleBrowser browser;

    @Autowired
    MappingRegistry mappings;

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void thePreviewFollowsTheFormWhileTypingAndSavingPutsTheVersionInForce() throws Exception {
        browser = ConsoleBrowser.open(port);
        browser.signIn(ADMIN, ADMIN_PASSWORD);
        browser.go("/console/mappings/it-feed?lang=en");
        // the source's rows carry every column it has: a status row and an issued permit's row
        browser.fill(By.id("sample"), JSON.writeValueAsString(List.of(
                Records.status("I-ME" + RUN, "10", "2026-11-02 10:00:00").fields(), Records.licence("I-MF" + RUN).fields())));
        browser.click(By.id("save-sample"));
        assertThat(browser.text(By.id("flash-done"))).isEqualTo("Sample rows saved.");
        browser.visible(By.cssSelector("#live-results section"));
        // the sample is JSON: its one record starts on line 1
        assertThat(browser.text(By.cssSelector("#live-results section h3"))).contains("Line 1", "mapped");
        assertThat(browser.present(By.id("preview-problems"))).isFalse();

        browser.fill(By.id("value-receiveLicenseStatus-kd_status"), "kd_statsu");
        browser.waiting().until(d -> !d.findElements(By.id("preview-problems")).isEmpty());
        assertThat(browser.text(By.id("preview-problems")))
                .contains("Column 'kd_statsu' does not exist; did you mean 'kd_status'?");
        browser.fill(By.id("value-receiveLicenseStatus-kd_status"), "kd_status");

        new Select(browser.visible(By.id("mode-receiveLicenseStatus-kd_instansi"))).selectByValue("VALUE");
        browser.fill(By.id("value-receiveLicenseStatus-kd_instansi"), "009");
        browser.waiting().until(d -> d.findElements(By.cssSelector("#live-results pre")).stream()
                .anyMatch(e -> e.getText().contains("\"kd_instansi\" : \"009\"")));
        browser.screenshot("mapping-editor");

        browser.fill(By.id("note"), "kd_instansi tetap");
        browser.click(By.id("save-mapping"));
        assertThat(browser.text(By.id("flash-done"))).isEqualTo("Saved: the new version is in force.");
        assertThat(browser.text(By.id("version-1"))).contains("approved", "in force", "kd_instansi tetap");
        assertThat(mappings.forSystem("it-feed").orElseThrow().version()).isEqualTo("it-feed@v1");
        browser.click(By.cssSelector("#version-1 a"));
        assertThat(browser.text(By.id("diff"))).contains("-    kd_instansi: kd_instansi", "+    kd_instansi:");
    }
}
