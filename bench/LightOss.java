import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A light OSS endpoint for the benchmark, in its own JVM: every POST gets
 * {"respon":{"kode":200,"keterangan":"Sukses"}} — no validation, no call log — so that a benchmark measures
 * the gateway and not the simulator. It keeps only what the benchmark reads: the number of calls, the
 * distinct bodies (a body seen twice is a duplicate), and for steady-phase documents (id_izin "S-…", whose
 * keterangan carries the row's insert time in epoch ms) the arrival time.
 *
 * <pre>java bench/LightOss.java PORT</pre>
 * GET /_stats → {"calls":…,"acceptedDistinct":…,"duplicates":…,"firstMs":…,"lastMs":…} (documents only:
 * receiveLicenseStatus, receiveLicense, updateLicense; other methods are answered and not counted); GET /_arrivals → "insertMs arrivalMs" lines;
 * DELETE /_stats forgets everything.
 */
public class LightOss {

    static final byte[] OK = "{\"respon\":{\"kode\":200,\"keterangan\":\"Sukses\"}}".getBytes(StandardCharsets.UTF_8);
    static final Pattern STEADY = Pattern.compile("\"id_izin\"\\s*:\\s*\"S-[^\"]*\".*\"keterangan\"\\s*:\\s*\"(\\d+)\"");

    static final AtomicLong calls = new AtomicLong();
    static final AtomicLong first = new AtomicLong();
    static final AtomicLong last = new AtomicLong();
    static final Set<String> distinct = ConcurrentHashMap.newKeySet();
    static final ConcurrentLinkedQueue<String> arrivals = new ConcurrentLinkedQueue<>();

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 512);
        server.createContext("/_stats", LightOss::stats);
        server.createContext("/_arrivals", LightOss::arrivals);
        server.createContext("/", LightOss::post);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.start();
        System.out.println("light OSS endpoint on " + port);
    }

    static void post(HttpExchange ex) throws IOException {
        String body;
        try (InputStream in = ex.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        long now = System.currentTimeMillis();
        String path = ex.getRequestURI().getPath();
        if (!path.endsWith("/receiveLicenseStatus") && !path.endsWith("/receiveLicense")
                && !path.endsWith("/updateLicense")) {
            reply(ex, OK); // the circuit breaker's probe, checkLicenseStatus: answered, not counted
            return;
        }
        first.compareAndSet(0, now);
        last.accumulateAndGet(now, Math::max);
        calls.incrementAndGet();
        distinct.add(path + " " + body);
        if (body.contains("\"S-")) {
            Matcher m = STEADY.matcher(body);
            if (m.find()) {
                arrivals.add(m.group(1) + " " + now);
            }
        }
        reply(ex, OK);
    }

    static void stats(HttpExchange ex) throws IOException {
        if (ex.getRequestMethod().equals("DELETE")) {
            calls.set(0);
            first.set(0);
            last.set(0);
            distinct.clear();
            arrivals.clear();
        }
        long c = calls.get();
        long d = distinct.size();
        reply(ex, ("{\"calls\":" + c + ",\"acceptedDistinct\":" + d + ",\"duplicates\":" + (c - d)
                + ",\"firstMs\":" + first.get() + ",\"lastMs\":" + last.get() + "}")
                .getBytes(StandardCharsets.UTF_8));
    }

    static void arrivals(HttpExchange ex) throws IOException {
        reply(ex, String.join("\n", arrivals).getBytes(StandardCharsets.UTF_8));
    }

    static void reply(HttpExchange ex, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(200, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }
}
