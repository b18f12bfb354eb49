package id.ossgateway.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import id.ossgateway.it.Records;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Regression (issue 16): the Indonesian console mixed English — validation reasons ("is required"), connection
 * test results, audit entries ("system.created"), chart labels. Steps: with data on every page (a registered
 * system with its audit trail and connection test, a reject, a delivered message, a submitted mapping version),
 * walk the console in Bahasa Indonesia as every role — every menu page, every link to a detail page one level
 * down — and fail on an English word in the text a user reads. What the gateway quotes verbatim (documents and
 * identifiers in {@code code}/{@code pre}, another system's own words in {@code samp}, what the user typed into
 * a field) is not the page's language and is left out.
 */
class ConsoleLanguageIT extends ConsoleTestGateway {

    private static final Pattern ENGLISH = Pattern.compile("\\b(the|is|are|must|required|not|does|with|and|of|for"
            + "|was|has|have|cannot|failed|only|allowed|yet|record|line|value|select|please|there|which|when|this"
            + "|that|been|from|into|your|no poll|approved|rejected|submitted|registered|changed|saved|waiting)\\b",
            Pattern.CASE_INSENSITIVE);
    /** The page's text without what it quotes: code, documents, samples of other systems' words, form values. */
    private static final String READABLE_TEXT = """
            var clone = document.body.cloneNode(true);
            clone.querySelectorAll('code, pre, samp, kbd, script, style, textarea, input, datalist, [hidden]')
                 .forEach(function (e) { e.remove(); });
            return clone.innerText;
            """;
    private static final String OPD = "bahasa-" + RUN;
    private static final String SYSTEM = "bahasa-push-" + RUN;
    private static final String PASSWORD = "bahasa-pass-" + RUN;
    private static ConsoleBrowser browser;

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void noPageOfTheIndonesianConsoleHasEnglishInItForAnyRole() throws Exception {
        prepare();
        browser = ConsoleBrowser.open(port);
        Map<String, String> users = new LinkedHashMap<>();
        users.put(ADMIN, ADMIN_PASSWORD);
        users.put("bahasa-staff-" + RUN, PASSWORD);
        users.put("bahasa-integrator-" + RUN, PASSWORD);
        List<String> findings = new ArrayList<>();
        int pages = 0;
        for (Map.Entry<String, String> user : users.entrySet()) {
            browser.signIn(user.getKey(), user.getValue());
            browser.go("/console?lang=id");
            browser.visible(By.id("me"));
            Set<String> toVisit = new LinkedHashSet<>(links("#nav-OVERVIEW, nav.menu a"));
            if (!user.getKey().startsWith("bahasa-integrator")) { // integrators have no registry pages
                toVisit.add("/console/systems/" + SYSTEM);
            }
            toVisit.add("/console/mappings/" + SYSTEM);
            Set<String> seen = new LinkedHashSet<>();
            for (String page : List.copyOf(toVisit)) {
                visit(page, seen, findings, user.getKey());
                for (String detail : links("main a[href^='/console/']")) {
                    visit(detail, seen, findings, user.getKey());
                }
            }
            pages += seen.size();
        }
        assertThat(pages).as("pages walked").isGreaterThan(20);
        assertThat(findings).as("English on Indonesian pages").isEmpty();
    }

    private void visit(String path, Set<String> seen, List<String> findings, String user) {
        String clean = path.replaceAll("[?#].*$", "");
        if (clean.contains("/diff") && seen.stream().anyMatch(s -> s.contains("/diff")) || !seen.add(clean)) {
            return;
        }
        browser.go(clean);
        if (!browser.present(By.id("me"))) {
            findings.add(user + " " + clean + ": not a console page (" + browser.driver().getTitle() + ")");
            return;
        }
        if (clean.startsWith("/console/mappings/" + SYSTEM)) {
            // the live preview arrives a moment after the page: its reasons are part of what the user reads
            browser.waiting().until(d -> !d.findElements(By.cssSelector("#live-results section, #preview-problems")).isEmpty());
        }
        String text = String.valueOf(browser.driver().executeScript(READABLE_TEXT));
        for (String line : text.split("\n")) {
            Matcher m = ENGLISH.matcher(line);
            if (m.find()) {
                findings.add(user + " " + clean + ": '" + m.group() + "' in \"" + line.strip() + "\"");
            }
        }
    }

    private List<String> links(String css) {
        return browser.driver().findElements(By.cssSelector(css)).stream().map(e -> e.getAttribute("href"))
                .filter(h -> h != null && h.startsWith("http://localhost:" + port + "/console"))
                .map(h -> h.substring(("http://localhost:" + port).length())).distinct().toList();
    }

    /** An OPD with staff, an integrator, a push system with a reject and a delivery, a submitted mapping. */
    private static void prepare() throws Exception {
        api("POST", "/api/v1/opds", Map.of("code", OPD, "name", "Dinas Bahasa"));
        api("POST", "/api/v1/users", Map.of("username", "bahasa-staff-" + RUN, "password", PASSWORD,
                "role", "OPD_STAFF", "opdCode", OPD));
        api("POST", "/api/v1/users", Map.of("username", "bahasa-integrator-" + RUN, "password", PASSWORD,
                "role", "INTEGRATOR"));
        writeMapping(SYSTEM, null, 1);
        String mapping = java.nio.file.Files.readString(MAPPINGS.resolve(SYSTEM + ".yaml"))
                .replace("opd: DPMPTSP-IT", "opd: " + OPD.toUpperCase());
        java.nio.file.Files.writeString(MAPPINGS.resolve(SYSTEM + ".yaml"), mapping);
        api("POST", "/api/v1/systems", Map.of("id", SYSTEM, "opdCode", OPD, "name", "Layanan Bahasa",
                "kind", "REST_PUSH", "scheduleMs", 60000));
        api("POST", "/api/v1/systems/" + SYSTEM + "/submit", null);
        await().atMost(Duration.ofSeconds(10)).until(() -> !api("GET", "/api/v1/mappings/" + SYSTEM, null)
                .path("yaml").isNull());
        api("POST", "/api/v1/systems/" + SYSTEM + "/approve", Map.of("version",
                api("GET", "/api/v1/systems/" + SYSTEM, null).path("version").asInt()));
        api("POST", "/api/v1/systems/" + SYSTEM + "/test-connection", null);
        String key = api("POST", "/api/v1/systems/" + SYSTEM + "/push-key", null).path("apiKey").asText();
        Map<String, Object> good = new LinkedHashMap<>(Records.status("BH-" + RUN + "-1", "10", "2026-11-02 10:00:00").fields());
        Map<String, Object> bad = new LinkedHashMap<>(Records.status("BH-" + RUN + "-2", "77", "31/02/2026").fields());
        bad.remove("nib");
        push(SYSTEM, key, JSON.writeValueAsString(List.of(good, bad)));
        await().atMost(Duration.ofSeconds(30)).until(() -> deliveredStatus("BH-" + RUN + "-1") != null);
        // OPD staff keep sample rows (one that maps, one with reasons for the preview) and submit a version
        String staff = id.ossgateway.it.GatewayTestSupport.token(port, "bahasa-staff-" + RUN, PASSWORD);
        JsonNode current = JSON.readTree(call(staff, "GET", "/api/v1/mappings/" + SYSTEM, null));
        call(staff, "PUT", "/api/v1/mappings/" + SYSTEM + "/sample", Map.of("sample", JSON.writeValueAsString(
                List.of(good, Records.status("BH-" + RUN + "-3", "77", "31/02/2026").fields(),
                        Records.licence("BH-" + RUN + "-4").fields()))));
        call(staff, "POST", "/api/v1/mappings/" + SYSTEM + "/versions", Map.of("yaml", current.path("yaml").asText()
                .replace("kd_instansi: kd_instansi", "kd_instansi: { value: \"001\" }"), "note", "kode instansi tetap"));
    }

    private static String call(String token, String method, String path, Object body) throws Exception {
        var r = HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, body == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                        : java.net.http.HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isLessThan(300);
        return r.body();
    }
}
