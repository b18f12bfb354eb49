package id.ossgateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import id.ossgateway.it.LegacyJsonApi.Auth;
import id.ossgateway.it.LegacyJsonApi.Fault;
import id.ossgateway.it.LegacyJsonApi.Feed;
import id.ossgateway.it.LegacyJsonApi.Shape;
import id.ossgateway.source.SourceHealth;
import id.ossgateway.source.SourcePosition;
import id.ossgateway.source.SourcePositions;
import id.ossgateway.source.rest.RestPullPoller;
import id.ossgateway.source.rest.RestPullSpec;
import id.ossgateway.source.rest.RestPullSpec.Incremental;
import id.ossgateway.source.rest.RestPullSpec.Paging;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The REST pull source against a legacy JSON API on a real socket in this JVM ({@link LegacyJsonApi}): page
 * numbers, offsets, next links and an opaque cursor; API key, Basic and Bearer checked by the server;
 * {@code updated_since} with records sharing a timestamp across page boundaries; and faults — 500, a reply
 * that comes too late, an HTML login page with status 200, a changed reply shape, a wrong key, a failure in
 * the middle of a poll — after which the position has not moved and every record reaches the OSS simulator
 * exactly once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class RestPullIT {

    private static final LocalDateTime BASE = LocalDateTime.of(2026, 11, 2, 8, 0);
    private static final LegacyJsonApi API = LegacyJsonApi.start();
    private static final Feed PAGES = API.feed("/pages", Shape.PAGES, Auth.apiKey("it-key-pages"));
    private static final Feed OFFSETS = API.feed("/offsets", Shape.OFFSETS, Auth.basic("opd", "it-basic-s3cret"));
    private static final Feed LINKS = API.feed("/link", Shape.LINKS, Auth.bearer("it-bearer-token"));
    private static final Feed CURSOR = API.feed("/cursor", Shape.CURSOR, Auth.apiKey("it-key-cursor"));
    private static final Feed FAULTY = API.feed("/faulty", Shape.PAGES, Auth.apiKey("it-key-faulty"));
    private static final String OFFSETS_PREFIX = "RO" + UUID.randomUUID().toString().substring(0, 6);
    private static int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        port = GatewayTestSupport.register(registry);
        Path routes = Files.createTempDirectory("rest-pull-routes-");
        Files.writeString(routes.resolve("offsets.camel.yaml"), offsetsRoute());
        registry.add("gateway.routes-dir", routes::toString);
        registry.add("camel.component.kamelet.location", () -> "file:" + Paths.get("routes/kamelets").toAbsolutePath());
        // what {{env:...}} gives in production
        registry.add("it.rest.basic-password", () -> "it-basic-s3cret");
    }

    /** The one source run by the kamelet on its timer: offsets, Basic auth, updated_since sent as the API wrote it. */
    private static String offsetsRoute() {
        return """
                - route:
                    id: it-offsets-rest-poll
                    from:
                      uri: "kamelet:opd-rest-source"
                      parameters:
                        systemId: it-feed
                        name: offsets
                        url: "%s"
                        auth: basic
                        username: opd
                        secret: "{{it.rest.basic-password}}"
                        incremental: updatedSince
                        sinceParam: updated_since
                        watermarkField: updated_at
                        keyField: id
                        paging: offset
                        pageParam: offset
                        sizeParam: limit
                        pageSize: 5
                        readTimeout: 2000
                        period: 300
                      steps:
                        - log: { message: "${body}", loggingLevel: DEBUG }
                """.formatted(API.url("/offsets"));
    }

    @AfterAll
    static void stopApi() {
        API.close();
    }

    @Autowired
    RestPullPoller poller;
    @Autowired
    SourcePositions positions;
    @Autowired
    SourceHealth health;

    @Test
    void pageNumbersWithAnApiKeyReadRecordsSharingATimestampAcrossPagesOnce() {
        String prefix = prefix("RP");
        addInGroupsOfFive(PAGES, prefix, 1, 23);
        RestPullSpec spec = pages("pages", PAGES, "it-key-pages", Duration.ofSeconds(5), Duration.ofMillis(100));

        assertThat(poller.poll(spec)).contains("23 records", "23 accepted");
        assertThat(poller.poll(spec)).contains("0 records");
        SourcePosition position = positions.find("it-feed:pages").orElseThrow();
        assertThat(position.watermark().text()).isEqualTo("2026-11-02 08:04:00");
        assertThat(position.tieKey().text()).isEqualTo("23");
        // the API reads its own ISO format only: sinceFormat rewrote the legacy watermark
        assertThat(PAGES.seen()).extracting(LegacyJsonApi.Seen::query)
                .contains("updated_since=2026-11-02T08:04:00&page=1&per_page=4")
                .allSatisfy(q -> assertThat(q).contains("per_page=4"));
        assertPolite(PAGES.seen(), Duration.ofMillis(100));

        // one more record sharing the last timestamp (a higher id), two later ones: exactly these are read
        PAGES.add(prefix, 24, 24, BASE.plusMinutes(4));
        PAGES.add(prefix, 25, 26, BASE.plusMinutes(5));
        assertThat(poller.poll(spec)).contains("3 records", "3 accepted");

        assertDeliveredOnce(prefix, 26);
    }

    @Test
    void theKameletPollsOffsetsWithBasicAuthAndKeepsItsPositionThroughA500() {
        String prefix = OFFSETS_PREFIX;
        addInGroupsOfFive(OFFSETS, prefix, 1, 12);
        assertDeliveredOnce(prefix, 12);
        await().atMost(Duration.ofSeconds(30)).until(() -> health.statuses().get("it-feed:offsets").ok());
        // the poller saves its position after the batch is queued: wait for it, not for an earlier poll's health
        SourcePosition before = await().atMost(Duration.ofSeconds(30)).until(
                () -> positions.find("it-feed:offsets").orElse(null),
                p -> p != null && p.tieKey() != null && "12".equals(p.tieKey().text()));
        assertThat(before.tieKey().text()).isEqualTo("12");

        OFFSETS.fault(Fault.ERROR_500);
        OFFSETS.add(prefix, 13, 15, BASE.plusMinutes(2)); // 13 shares the last timestamp
        await().atMost(Duration.ofSeconds(10)).until(() -> !health.statuses().get("it-feed:offsets").ok());
        assertThat(health.statuses().get("it-feed:offsets").detail())
                .contains("HTTP 500", "text/html", API.url("/offsets"))
                .doesNotContain("it-basic-s3cret");
        assertThat(positions.find("it-feed:offsets")).contains(before);

        OFFSETS.fault(Fault.NONE);
        assertDeliveredOnce(prefix, 15);
        await().atMost(Duration.ofSeconds(10)).until(() -> health.statuses().get("it-feed:offsets").ok());
    }

    @Test
    void nextLinksWithABearerTokenAreFollowedToTheEnd() {
        String prefix = prefix("RL");
        addInGroupsOfFive(LINKS, prefix, 1, 10);
        RestPullSpec spec = new RestPullSpec("it-feed", "links", URI.create(API.url("/link")),
                RestPullSpec.Auth.BEARER, null, null, "it-bearer-token", Incremental.UPDATED_SINCE, "updated_since",
                "updated_at", "yyyy-MM-dd HH:mm:ss", null, null, "id", Paging.NEXT_LINK, null, 1, null, 3,
                "$.links.next", "/data", null, null, null, 100);

        assertThat(poller.poll(spec)).contains("4 pages", "10 records", "10 accepted");
        assertThat(LINKS.seen()).extracting(LegacyJsonApi.Seen::query).contains("page=2", "page=4");

        LINKS.add(prefix, 11, 12, BASE.plusMinutes(1)); // 11 and 12 share the last timestamp
        assertThat(poller.poll(spec)).contains("2 records");
        assertThat(LINKS.seen().get(LINKS.seen().size() - 1).query()).contains("updated_since=2026-11-02 08:01:00");
        assertDeliveredOnce(prefix, 12);
    }

    @Test
    void anOpaqueCursorLongerThanATimestampIsKeptAsThePosition() {
        String prefix = prefix("RC");
        addInGroupsOfFive(CURSOR, prefix, 1, 7);
        RestPullSpec spec = new RestPullSpec("it-feed", "cursor", URI.create(API.url("/cursor")),
                RestPullSpec.Auth.API_KEY, "X-Api-Key", null, "it-key-cursor", Incremental.CURSOR, "cursor", null,
                null, null, "/meta/next_cursor", "id", Paging.NONE, null, 1, "limit", 3, null, "/items", null, null,
                null, 100);

        assertThat(poller.poll(spec)).contains("7 records");
        String cursor = positions.find("it-feed:cursor").orElseThrow().watermark().text();
        assertThat(cursor).isEqualTo(LegacyJsonApi.Cursor.encode(7)).hasSizeGreaterThan(64);

        CURSOR.add(prefix, 8, 9, BASE.plusMinutes(3));
        assertThat(poller.poll(spec)).contains("2 records");
        assertThat(poller.poll(spec)).contains("0 records");
        assertDeliveredOnce(prefix, 9);
    }

    @Test
    void faultsFailThePollWithAClearReasonAndLoseNoPosition() {
        String prefix = prefix("RF");
        addInGroupsOfFive(FAULTY, prefix, 1, 6);
        RestPullSpec spec = pages("faulty", FAULTY, "it-key-faulty", Duration.ofMillis(300), Duration.ZERO);
        assertThat(poller.poll(spec)).contains("6 records");
        SourcePosition before = positions.find("it-feed:faulty").orElseThrow();
        FAULTY.add(prefix, 7, 12, BASE.plusMinutes(1)); // all share the last timestamp with 6

        assertFails(spec, Fault.ERROR_500, before, "HTTP 500", "text/html");
        assertFails(spec, Fault.SLOW, before, "no reply within 300 ms");
        assertFails(spec, Fault.HTML_LOGIN_PAGE, before, "HTML page", "HTTP 200", "text/html");
        assertFails(spec, Fault.SHAPE_CHANGED, before, "no records at '/data/items'", "status, result");
        FAULTY.fault(Fault.NONE);
        RestPullSpec wrongKey = pages("faulty", FAULTY, "not-the-key", Duration.ofMillis(300), Duration.ZERO);
        assertThat(poller.poll(wrongKey)).contains("poll failed", "HTTP 401").doesNotContain("not-the-key");
        assertThat(positions.find("it-feed:faulty")).contains(before);

        // the API breaks after one page: that page's records are on the queue and the position is right behind them
        FAULTY.failAfter(1);
        assertThat(poller.poll(spec)).contains("poll failed", "HTTP 500", "after 3 records");
        SourcePosition middle = positions.find("it-feed:faulty").orElseThrow();
        assertThat(middle.watermark().text()).isEqualTo("2026-11-02 08:01:00");
        assertThat(middle.tieKey().text()).isEqualTo("9");

        FAULTY.fault(Fault.NONE);
        assertThat(poller.poll(spec)).contains("3 records");
        assertThat(health.statuses().get("it-feed:faulty").ok()).isTrue();
        assertDeliveredOnce(prefix, 12);
    }

    private void assertFails(RestPullSpec spec, Fault fault, SourcePosition before, String... reason) {
        FAULTY.fault(fault);
        assertThat(poller.poll(spec)).contains("poll failed");
        SourceHealth.Status status = health.statuses().get("it-feed:faulty");
        assertThat(status.ok()).isFalse();
        assertThat(status.detail()).contains(reason).contains(API.url("/faulty")).doesNotContain("it-key-faulty");
        assertThat(positions.find("it-feed:faulty")).as("position after %s", fault).contains(before);
    }

    /** Page numbers, API key, updated_since rewritten from the legacy format into ISO. */
    private static RestPullSpec pages(String name, Feed feed, String key, Duration readTimeout, Duration minInterval) {
        return new RestPullSpec("it-feed", name, URI.create(API.url("/" + name)), RestPullSpec.Auth.API_KEY,
                "X-Api-Key", null, key, Incremental.UPDATED_SINCE, "updated_since", "updated_at",
                "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss", null, "id", Paging.PAGE, "page", 1, "per_page", 4,
                null, "/data/items", Duration.ofSeconds(2), readTimeout, minInterval, 100);
    }

    /** Records {@code from..to}, five to a timestamp starting at 08:00, so that ties straddle pages of 3, 4 or 5. */
    private static void addInGroupsOfFive(Feed feed, String prefix, int from, int to) {
        for (int i = from; i <= to; i++) {
            feed.add(prefix, i, i, BASE.plusMinutes((i - 1) / 5));
        }
    }

    private static String prefix(String kind) {
        return kind + UUID.randomUUID().toString().substring(0, 6);
    }

    private static void assertPolite(List<LegacyJsonApi.Seen> seen, Duration interval) {
        assertThat(seen).hasSizeGreaterThan(2);
        for (int i = 1; i < seen.size(); i++) {
            assertThat(seen.get(i).nanos() - seen.get(i - 1).nanos()).as("gap before request %d", i)
                    .isGreaterThanOrEqualTo(interval.toNanos() * 9 / 10);
        }
    }

    /** Every record {@code prefix-1..n} accepted by the simulator, none twice. */
    private static void assertDeliveredOnce(String prefix, int n) {
        await().atMost(Duration.ofSeconds(30)).until(() -> accepted(prefix).size() >= n);
        List<String> ids = accepted(prefix);
        assertThat(ids).doesNotHaveDuplicates().hasSize(n);
        assertThat(ids).allMatch(id -> Integer.parseInt(id.substring(prefix.length() + 1)) <= n);
    }

    private static List<String> accepted(String prefix) {
        List<String> ids = new ArrayList<>();
        for (JsonNode call : GatewayTestSupport.get(port, "/oss-sim/_calls?method=receiveLicenseStatus")) {
            String id = call.path("body").path("IZINSTATUS").path("id_izin").asText();
            if (id.startsWith(prefix + "-") && call.path("reply").path("status").asInt() == 200) {
                ids.add(id);
            }
        }
        return ids;
    }
}
