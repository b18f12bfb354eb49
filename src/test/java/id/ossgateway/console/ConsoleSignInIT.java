package id.ossgateway.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.ossgateway.it.Records;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Signing in, the language switch, and the overview after real traffic — in headless Chromium. */
class ConsoleSignInIT extends ConsoleTestGateway {

    private static ConsoleBrowser browser;

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
    void theConsoleAsksForASignInAndRefusesAWrongPassword() {
        browser.signOut();
        browser.go("/");
        browser.visible(By.id("username"));
        assertThat(browser.path()).startsWith("/login");

        browser.fill(By.id("username"), ADMIN);
        browser.fill(By.id("password"), "not-the-password");
        browser.click(By.id("sign-in"));
        assertThat(browser.text(By.id("login-error"))).isEqualTo("Nama pengguna atau kata sandi salah.");
        assertThat(browser.present(By.id("me"))).isFalse();
        browser.screenshot("login-refused");

        browser.fill(By.id("username"), ADMIN);
        browser.fill(By.id("password"), ADMIN_PASSWORD);
        browser.click(By.id("sign-in"));
        assertThat(browser.text(By.id("me"))).isEqualTo(ADMIN);
        assertThat(browser.path()).isEqualTo("/console");

        browser.click(By.id("logout"));
        assertThat(browser.text(By.cssSelector(".flash.ok"))).isEqualTo("Anda telah keluar.");
        browser.go("/console/systems");
        browser.visible(By.id("username"));
        assertThat(browser.path()).startsWith("/login");
    }

    @Test
    void labelsAreInBahasaIndonesiaByDefaultAndEnglishOnRequest() {
        browser.signOut();
        browser.go("/login");
        assertThat(browser.text(By.id("sign-in"))).isEqualTo("Masuk");
        browser.click(By.id("lang-en"));
        browser.waiting().until(d -> d.findElement(By.id("sign-in")).getText().equals("Sign in"));

        browser.fill(By.id("username"), ADMIN);
        browser.fill(By.id("password"), ADMIN_PASSWORD);
        browser.click(By.id("sign-in"));
        // the choice is kept across pages (a cookie), also through the sign-in
        assertThat(browser.text(By.id("nav-OVERVIEW"))).isEqualTo("Overview");
        assertThat(browser.text(By.id("nav-REJECTS"))).isEqualTo("Rejects");

        browser.click(By.id("lang-id"));
        browser.waiting().until(d -> d.findElement(By.id("nav-OVERVIEW")).getText().equals("Ikhtisar"));
        assertThat(browser.text(By.id("nav-REJECTS"))).isEqualTo("Penolakan");
        browser.go("/console/systems");
        assertThat(browser.text(By.id("register"))).isEqualTo("Daftarkan sistem");
    }

    @Test
    void theOverviewShowsASystemWithTodaysTrafficAndItsThroughput() throws Exception {
        String id = "OV-" + UUID.randomUUID().toString().substring(0, 8);
        String records = "[" + JSON.writeValueAsString(Records.status(id, "10", "2026-11-02 10:00:00").fields()) + ", "
                + JSON.writeValueAsString(Records.status(id, "20", "2026-11-02 11:00:00").fields())
                + ", {\"id_izin\": \"" + id + "-bad\", \"nib\": \"123\"}]";
        assertThat(push("it-feed", PUSH_KEY, records).path("rejected").asInt()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> deliveredStatus(id) != null);

        browser.signIn(ADMIN, ADMIN_PASSWORD);
        browser.go("/console?lang=en");
        WebElement row = browser.visible(By.id("system-it-feed"));
        assertThat(Long.parseLong(row.findElement(By.className("received")).getText())).isGreaterThanOrEqualTo(2);
        // delivery is under way or done: the page counts what the journal says at the time
        browser.waiting().until(d -> {
            d.navigate().refresh();
            return Long.parseLong(d.findElement(By.cssSelector("#system-it-feed .delivered")).getText()) >= 2;
        });
        assertThat(Long.parseLong(browser.text(By.cssSelector("#system-it-feed .rejected")))).isGreaterThanOrEqualTo(1);
        assertThat(browser.text(By.cssSelector("#system-it-feed .latency"))).matches("\\d+ ms");
        assertThat(browser.text(By.id("circuit"))).contains("closed");
        assertThat(browser.driver().findElements(By.cssSelector("#system-it-feed svg rect.bar.out")))
                .anySatisfy(bar -> assertThat(Integer.parseInt(bar.getAttribute("height"))).isPositive());
        Path shot = browser.screenshot("overview");
        assertThat(Files.size(shot)).isPositive();
    }

    @Test
    void anIntegratorHasThePreviewButNotTheRegistryOrTheRejects() throws Exception {
        String password = "integrator-" + RUN + "-pass";
        api("POST", "/api/v1/users", java.util.Map.of("username", "integrator-" + RUN, "password", password,
                "role", "INTEGRATOR"));
        browser.signIn("integrator-" + RUN, password);
        browser.go("/console?lang=en");
        assertThat(browser.present(By.id("nav-MAPPING_PREVIEW"))).isTrue();
        assertThat(browser.present(By.id("nav-SYSTEMS"))).isFalse();
        assertThat(browser.present(By.id("nav-REJECTS"))).isFalse();
        for (String path : java.util.List.of("/console/systems", "/console/rejects", "/console/dead-letters")) {
            browser.go(path);
            assertThat(browser.text(By.id("forbidden"))).as(path).isEqualTo("Not allowed");
        }
        browser.go("/console/mappings/preview");
        browser.fill(By.id("system"), "it-feed");
        browser.fill(By.id("sample"), "id_izin;nib;kd_status\nPV-1;123;10\n");
        browser.click(By.id("run-preview"));
        // numbered by the sample's lines, as a drop's result report is: the first record is on line 2
        assertThat(browser.text(By.id("result-2"))).contains("Line 2", "nib");
    }
}
