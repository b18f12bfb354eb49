package id.ossgateway.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A legacy OPD JSON API on a real socket (the JDK's HTTP server): each feed serves a live list of permit
 * status records in the shape and quirks of a small office PHP app — upper-case field names, ids as numbers,
 * timestamps as "yyyy-MM-dd HH:mm:ss", extra junk fields — with its own paging and authentication, and can be
 * made to fail (500, a reply that never comes in time, an HTML login page with status 200, a changed shape).
 *
 * <p>The JDK server rather than WireMock (which the pom has): the replies are computed from a list that the
 * tests change between polls (filtered by updated_since, paged, cursored), which stubs would only do through
 * a custom extension.
 */
final class LegacyJsonApi implements AutoCloseable {

    static final DateTimeFormatter LEGACY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final ObjectMapper JSON = new ObjectMapper();

    enum Fault { NONE, ERROR_500, SLOW, HTML_LOGIN_PAGE, SHAPE_CHANGED }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);

    private LegacyJsonApi(HttpServer server) {
        this.server = server;
    }

    static LegacyJsonApi start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            LegacyJsonApi api = new LegacyJsonApi(server);
            server.setExecutor(api.threads);
            server.start();
            return api;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Serves a feed at this path; how it pages is the feed's {@link Shape}. */
    Feed feed(String path, Shape shape, Auth auth) {
        Feed feed = new Feed(shape, auth);
        server.createContext(path, exchange -> feed.handle(exchange));
        return feed;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    /** The reply formats of the feeds. */
    enum Shape {
        /** {@code ?updated_since=2026-11-02T08:00:00&page=1&per_page=4} → {@code {"status":"OK","data":{"items":[…]}}}. */
        PAGES,
        /** {@code ?updated_since=2026-11-02 08:00:00&offset=0&limit=5} → a bare array. */
        OFFSETS,
        /** {@code ?updated_since=…&page=2} → {@code {"data":[…],"links":{"next":"/link?…&page=3"}}}. */
        LINKS,
        /** {@code ?cursor=…&limit=3} → {@code {"items":[…],"meta":{"next_cursor":"…"}}}, the cursor long and opaque. */
        CURSOR
    }

    /** How a feed checks the caller: a header that must carry this exact value. */
    record Auth(String header, String value) {
        static Auth apiKey(String key) {
            return new Auth("X-Api-Key", key);
        }

        static Auth basic(String user, String password) {
            return new Auth("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }

        static Auth bearer(String token) {
            return new Auth("Authorization", "Bearer " + token);
        }
    }

    /** One request as the server saw it. */
    record Seen(String query, long nanos) {
    }

    static final class Feed {
        private final Shape shape;
        private final Auth auth;
        private final List<ObjectNode> records = new CopyOnWriteArrayList<>();
        private final List<Seen> seen = new CopyOnWriteArrayList<>();
        private volatile Fault fault = Fault.NONE;
        private final AtomicInteger servedBeforeFault = new AtomicInteger(Integer.MAX_VALUE);
        private volatile CountDownLatch slow = new CountDownLatch(0);

        Feed(Shape shape, Auth auth) {
            this.shape = shape;
            this.auth = auth;
        }

        /** Adds status records {@code prefix-from … prefix-to}, ids as numbers, all updated at {@code at}. */
        void add(String prefix, int from, int to, LocalDateTime at) {
            for (int i = from; i <= to; i++) {
                ObjectNode r = JSON.createObjectNode();
                r.put("ID", i);
                r.put("Updated_At", LEGACY.format(at));
                r.put("NIB", "9120301234567");
                r.put("ID_IZIN", prefix + "-" + i);
                r.put("Id_Produk", "P-" + i);
                r.put("ID_PROYEK", "R-2026000001");
                r.put("OSS_ID", "OSS0000000001");
                r.put("KD_IZIN", "I-012345");
                r.put("KD_INSTANSI", "001");
                r.put("KD_STATUS", "20");
                r.put("TGL_STATUS", "2026-11-02 10:00:00");
                r.put("NIP_STATUS", "198001012005011001");
                r.put("NAMA_STATUS", "Petugas Verifikasi");
                r.put("KETERANGAN", "catatan " + i);
                r.putNull("FOTO_BERKAS");
                r.putObject("_debug").put("sql_ms", 12);
                r.putArray("LAMPIRAN").add("ktp.pdf").add("npwp.pdf");
                records.add(r);
            }
        }

        /** From now on every request fails this way (NONE: recovers, and releases replies held by SLOW). */
        void fault(Fault fault) {
            this.slow.countDown();
            this.slow = new CountDownLatch(fault == Fault.SLOW ? 1 : 0);
            this.servedBeforeFault.set(0);
            this.fault = fault;
        }

        /** Serves this many more requests, then fails every one with a 500. */
        void failAfter(int requests) {
            this.fault = Fault.ERROR_500;
            this.servedBeforeFault.set(requests);
        }

        List<Seen> seen() {
            return List.copyOf(seen);
        }

        private void handle(HttpExchange exchange) throws IOException {
            try (exchange) {
                String rawQuery = exchange.getRequestURI().getRawQuery();
                seen.add(new Seen(rawQuery == null ? "" : URLDecoder.decode(rawQuery, StandardCharsets.UTF_8),
                        System.nanoTime()));
                if (!auth.value().equals(exchange.getRequestHeaders().getFirst(auth.header()))) {
                    reply(exchange, 401, "application/json", "{\"error\":\"unauthorized\"}");
                    return;
                }
                if (servedBeforeFault.getAndDecrement() <= 0) {
                    if (failed(exchange)) {
                        return;
                    }
                }
                Object body;
                try {
                    body = body(query(rawQuery));
                } catch (RuntimeException e) { // e.g. updated_since in a format this API does not read
                    reply(exchange, 400, "application/json", "{\"error\":\"bad request\"}");
                    return;
                }
                reply(exchange, 200, "application/json; charset=utf-8", body.toString());
            }
        }

        private boolean failed(HttpExchange exchange) throws IOException {
            switch (fault) {
                case ERROR_500 -> reply(exchange, 500, "text/html",
                        "<html><body><h1>500 Internal Server Error</h1>mysqli_connect(): Too many connections</body></html>");
                case SLOW -> {
                    try {
                        // holds the reply until the fault is lifted: far beyond the poller's read timeout
                        slow.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    reply(exchange, 200, "application/json", "{\"status\":\"OK\",\"data\":{\"items\":[]}}");
                }
                case HTML_LOGIN_PAGE -> reply(exchange, 200, "text/html; charset=UTF-8",
                        "<!DOCTYPE html><html><head><title>Login SIMPEL</title></head><body><form>…</form></body></html>");
                case SHAPE_CHANGED -> reply(exchange, 200, "application/json",
                        "{\"status\":\"OK\",\"result\":{\"rows\":[]}}");
                case NONE -> {
                    return false;
                }
            }
            return true;
        }

        private Object body(Map<String, String> q) {
            List<ObjectNode> view = new ArrayList<>(records);
            switch (shape) {
                case PAGES -> {
                    List<ObjectNode> since = since(view, q.get("updated_since"), "yyyy-MM-dd'T'HH:mm:ss");
                    int size = Integer.parseInt(q.getOrDefault("per_page", "10"));
                    int page = Integer.parseInt(q.getOrDefault("page", "1"));
                    ObjectNode reply = JSON.createObjectNode().put("status", "OK");
                    ObjectNode data = reply.putObject("data").put("page", page);
                    data.putArray("items").addAll(slice(since, (page - 1) * size, size));
                    return reply;
                }
                case OFFSETS -> {
                    List<ObjectNode> since = since(view, q.get("updated_since"), "yyyy-MM-dd HH:mm:ss");
                    ArrayNode reply = JSON.createArrayNode();
                    reply.addAll(slice(since, Integer.parseInt(q.getOrDefault("offset", "0")),
                            Integer.parseInt(q.getOrDefault("limit", "10"))));
                    return reply;
                }
                case LINKS -> {
                    List<ObjectNode> since = since(view, q.get("updated_since"), "yyyy-MM-dd HH:mm:ss");
                    int page = Integer.parseInt(q.getOrDefault("page", "1"));
                    ObjectNode reply = JSON.createObjectNode();
                    reply.putArray("data").addAll(slice(since, (page - 1) * 3, 3));
                    ObjectNode links = reply.putObject("links");
                    if (page * 3 < since.size()) {
                        String s = q.get("updated_since");
                        links.put("next", "link?page=" + (page + 1) + (s == null ? ""
                                : "&updated_since=" + java.net.URLEncoder.encode(s, StandardCharsets.UTF_8)));
                    } else {
                        links.putNull("next");
                    }
                    return reply;
                }
                default -> {
                    int from = q.containsKey("cursor") ? Cursor.decode(q.get("cursor")) : 0;
                    int limit = Integer.parseInt(q.getOrDefault("limit", "10"));
                    List<ObjectNode> page = slice(view, from, limit);
                    ObjectNode reply = JSON.createObjectNode();
                    reply.putArray("items").addAll(page);
                    reply.putObject("meta").put("next_cursor", Cursor.encode(from + page.size()));
                    return reply;
                }
            }
        }

        /** updated_since is inclusive, the order is (updated_at, id), as a SQL-backed API would give. */
        private static List<ObjectNode> since(List<ObjectNode> all, String since, String format) {
            LocalDateTime from = since == null ? LocalDateTime.MIN
                    : LocalDateTime.parse(since, DateTimeFormatter.ofPattern(format));
            return all.stream()
                    .filter(r -> !updated(r).isBefore(from))
                    .sorted(Comparator.comparing(Feed::updated).thenComparing(r -> r.get("ID").asInt()))
                    .toList();
        }

        private static LocalDateTime updated(ObjectNode r) {
            return LocalDateTime.parse(r.get("Updated_At").asText(), LEGACY);
        }

        private static List<ObjectNode> slice(List<ObjectNode> list, int from, int size) {
            return from >= list.size() ? List.of() : list.subList(from, Math.min(list.size(), from + size));
        }
    }

    /** An opaque cursor as some APIs make them: base64 of a JSON state, longer than a timestamp column. */
    static final class Cursor {
        static String encode(int position) {
            String state = "{\"v\":2,\"table\":\"permohonan_izin_status\",\"position\":" + position
                    + ",\"shard\":\"kab-bima-01\",\"issued\":\"2026-11-02T08:00:00+08:00\"}";
            return Base64.getUrlEncoder().withoutPadding().encodeToString(state.getBytes(StandardCharsets.UTF_8));
        }

        static int decode(String cursor) {
            String state = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int at = state.indexOf("\"position\":") + 11;
            return Integer.parseInt(state.substring(at, state.indexOf(',', at)));
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    q.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return q;
    }

    private static void reply(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
