import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.ossgateway.osssim.SimulatorProperties;
import id.ossgateway.osssim.StandaloneSimulator;
import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * The gateway against a direct JDBC→HTTP loop, on the same rows and the same OSS endpoint, in one run. Run
 * through bench/run.sh, which builds the classpath; the arguments are name=value:
 *
 * <ul>
 * <li>{@code records} (20000) rows seeded in PostgreSQL table {@code bench_izin};</li>
 * <li>{@code oss} {@code light} (default: bench/LightOss.java in its own JVM, a fixed PIA success reply) or
 *     {@code sim} (the validating simulator: it measures the simulator more than the gateway);</li>
 * <li>{@code heap} (256m) the gateway's -Xmx, {@code default} for the JVM's own choice;</li>
 * <li>{@code concurrency} (16) the gateway's delivery consumers; {@code direct-workers} (8) the loop's POSTers;</li>
 * <li>{@code steady} (3000) rows inserted at {@code steady-rate} (100) per second after the backlog, for
 *     end-to-end latency (row insert → OSS acceptance, including the 100 ms poll period);</li>
 * <li>{@code state} h2 (embedded default) or pg (PostgreSQL); {@code jfr} true records a flight recording of
 *     the gateway and prints its hottest frames; {@code out} the Markdown file the run appends to;
 *     {@code jvm} more flags for the gateway's JVM, space-separated; {@code nmt} true prints the JVM's native
 *     memory tracking summary at the end of the backlog.</li>
 * </ul>
 *
 * The gateway leg runs the real product in its own JVM: kamelet opd-sql-source → mapping → validation →
 * journal → persistent Artemis → delivery consumers → POST, everything durable. The direct loop reads keyset
 * pages of 1000 rows, builds the same IZINSTATUS with Jackson and POSTs with {@code direct-workers} threads,
 * nothing durable.
 */
public class PipelineBench {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String PG = "jdbc:postgresql://127.0.0.1:5432/test";
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public static void main(String[] args) throws Exception {
        Map<String, String> a = args(args);
        int n = Integer.parseInt(a.getOrDefault("records", "20000"));
        String oss = a.getOrDefault("oss", "light");
        String heap = a.getOrDefault("heap", "256m");
        int concurrency = Integer.parseInt(a.getOrDefault("concurrency", "16"));
        int directWorkers = Integer.parseInt(a.getOrDefault("direct-workers", "8"));
        int steady = Integer.parseInt(a.getOrDefault("steady", "3000"));
        int steadyRate = Integer.parseInt(a.getOrDefault("steady-rate", "100"));
        String state = a.getOrDefault("state", "h2");
        boolean jfr = Boolean.parseBoolean(a.getOrDefault("jfr", "false"));
        Path out = Paths.get(a.getOrDefault("out", "bench/results-runs.md"));
        Path work = Files.createDirectories(Paths.get("bench/work"));

        seed(n);
        System.out.println("seeded " + n + " rows");

        GatewayRun gw;
        Leg direct;
        try (Endpoint endpoint = oss.equals("sim") ? new SimEndpoint() : new LightEndpoint()) {
            gw = runGateway(a, endpoint, work, n, concurrency, heap, state, jfr, steady, steadyRate);
            endpoint.reset();
            direct = directLoop(endpoint, n, directWorkers);
        }
        String report = report(a, n, oss, heap, concurrency, directWorkers, state, gw, direct, steady, steadyRate);
        if (jfr) {
            report += hotFrames(work.resolve("gateway.jfr"));
        }
        Files.writeString(out, report + "\n", java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
        System.out.println(report);
        System.exit(0); // the HTTP clients' pools would keep the JVM (and the IT lock of bench/run.sh) alive
    }

    // ---------------------------------------------------------------- the OSS side

    interface Endpoint extends AutoCloseable {
        String baseUrl();

        /** CPU time the endpoint has used so far (ms), or 0 when it shares the benchmark's JVM. */
        default long cpuMillis() {
            return 0;
        }

        /** calls, acceptedDistinct, duplicates, firstMs, lastMs of documents. */
        JsonNode stats() throws Exception;

        /** (insert ms, acceptance ms) of steady-phase documents. */
        List<long[]> arrivals() throws Exception;

        void reset() throws Exception;

        @Override
        void close();
    }

    /** bench/LightOss.java in its own JVM. */
    static final class LightEndpoint implements Endpoint {
        final int port;
        final Process process;

        LightEndpoint() throws Exception {
            port = freePort();
            // nodelay: without it the JDK server's separate header and body writes meet delayed ACKs, 40 ms a call
            process = new ProcessBuilder(javaBin(), "-Xmx512m", "-Dsun.net.httpserver.nodelay=true",
                    "bench/LightOss.java", String.valueOf(port))
                    .redirectErrorStream(true).redirectOutput(Paths.get("bench/work/light-oss.log").toFile()).start();
            Instant deadline = Instant.now().plusSeconds(60);
            while (true) {
                try {
                    stats();
                    return;
                } catch (Exception notYet) {
                    if (Instant.now().isAfter(deadline)) {
                        throw new IllegalStateException("light OSS endpoint did not start");
                    }
                    Thread.sleep(200); // waiting for a child process to listen, not a test
                }
            }
        }

        public String baseUrl() {
            return "http://127.0.0.1:" + port + "/v1/kl/rba";
        }

        public long cpuMillis() {
            return PipelineBench.cpuMillis(process.pid());
        }

        public JsonNode stats() throws Exception {
            return JSON.readTree(get("/_stats", "GET"));
        }

        public List<long[]> arrivals() throws Exception {
            List<long[]> out = new ArrayList<>();
            for (String line : get("/_arrivals", "GET").split("\n")) {
                if (!line.isBlank()) {
                    String[] p = line.split(" ");
                    out.add(new long[] {Long.parseLong(p[0]), Long.parseLong(p[1])});
                }
            }
            return out;
        }

        public void reset() throws Exception {
            get("/_stats", "DELETE");
        }

        String get(String path, String method) throws Exception {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .method(method, HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        }

        public void close() {
            process.destroyForcibly();
        }
    }

    /** The validating simulator, in the benchmark's JVM; restarted by reset(). */
    static final class SimEndpoint implements Endpoint {
        StandaloneSimulator sim;

        SimEndpoint() throws Exception {
            sim = StandaloneSimulator.start(0, SimulatorProperties.Faults.none());
        }

        public String baseUrl() {
            return sim.baseUrl();
        }

        public JsonNode stats() {
            ObjectNode s = sim.stats().deepCopy();
            JsonNode calls = sim.calls(null);
            long first = 0;
            long last = 0;
            for (JsonNode c : calls) {
                if (c.path("method").asText().startsWith("receiveLicense")) {
                    long at = Instant.parse(c.path("at").asText()).toEpochMilli();
                    first = first == 0 ? at : Math.min(first, at);
                    last = Math.max(last, at);
                }
            }
            s.put("firstMs", first);
            s.put("lastMs", last);
            return s;
        }

        public List<long[]> arrivals() {
            List<long[]> out = new ArrayList<>();
            for (JsonNode call : sim.calls("receiveLicenseStatus")) {
                JsonNode doc = call.path("body").path("IZINSTATUS");
                if (doc.path("id_izin").asText().startsWith("S-") && call.path("reply").path("status").asInt() == 200) {
                    out.add(new long[] {Long.parseLong(doc.path("keterangan").asText()),
                            Instant.parse(call.path("at").asText()).toEpochMilli()});
                }
            }
            return out;
        }

        public void reset() throws Exception {
            int port = URI.create(sim.baseUrl()).getPort();
            sim.close();
            sim = StandaloneSimulator.start(port, SimulatorProperties.Faults.none());
        }

        public void close() {
            sim.close();
        }
    }

    // ---------------------------------------------------------------- the legacy table

    static void seed(int n) throws Exception {
        try (Connection c = DriverManager.getConnection(PG, "root", "")) {
            try (Statement s = c.createStatement()) {
                s.execute("drop table if exists bench_izin");
                s.execute("create table bench_izin (row_id bigserial primary key, id_izin varchar(25), nib char(13),"
                        + " id_produk varchar(25), id_proyek varchar(25), oss_id varchar(25), kd_izin varchar(12),"
                        + " kd_instansi varchar(3), kd_status varchar(2), tgl_status varchar(19), nip_status varchar(50),"
                        + " nama_status varchar(50), keterangan varchar(200), updated_at timestamp not null)");
            }
            c.setAutoCommit(false);
            LocalDateTime base = LocalDateTime.of(2026, 1, 1, 8, 0);
            try (PreparedStatement ps = c.prepareStatement(insert())) {
                for (int i = 0; i < n; i++) {
                    bind(ps, "B-" + i, "20", "seed", Timestamp.valueOf(base.plusNanos(i * 1000L)));
                    ps.addBatch();
                    if (i % 5000 == 4999) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            c.commit();
        }
    }

    static String insert() {
        return "insert into bench_izin (id_izin, nib, id_produk, id_proyek, oss_id, kd_izin, kd_instansi, kd_status,"
                + " tgl_status, nip_status, nama_status, keterangan, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    }

    static void bind(PreparedStatement ps, String id, String status, String keterangan, Timestamp at) throws Exception {
        ps.setString(1, id);
        ps.setString(2, "9120301234567");
        ps.setString(3, "P-" + id);
        ps.setString(4, "R-2026000001");
        ps.setString(5, "OSS0000000001");
        ps.setString(6, "I-012345");
        ps.setString(7, "001");
        ps.setString(8, status);
        ps.setString(9, "2026-11-02 10:00:00");
        ps.setString(10, "198001012005011001");
        ps.setString(11, "Petugas");
        ps.setString(12, keterangan);
        ps.setTimestamp(13, at);
    }

    // ---------------------------------------------------------------- the gateway leg

    /**
     * @param cpuMillis         CPU time of the leg's own process(es) while it ran: the gateway's JVM, or the
     *                          benchmark's JVM for the direct loop — robust to other load on the machine, unlike
     *                          records/s
     * @param endpointCpuMillis CPU time of the OSS endpoint's JVM meanwhile (light mode)
     */
    record Leg(long records, long millis, long duplicates, long cpuMillis, long endpointCpuMillis) {
        double perSecond() {
            return records * 1000.0 / Math.max(1, millis);
        }
    }

    record GatewayRun(Leg backlog, List<Long> latencies, long startupMs, long firstDeliveryMs, long peakRssKb,
                      List<String> jvmFlags, boolean outOfMemory, String ledgerGroups, String cpuByThread,
                      String searchTimes) {
    }

    static GatewayRun runGateway(Map<String, String> a, Endpoint oss, Path work, int n, int concurrency, String heap, String state,
                                 boolean jfr, int steady, int steadyRate) throws Exception {
        Path data = work.resolve("data");
        deleteTree(data);
        deleteTree(work.resolve("routes"));
        deleteTree(work.resolve("sources"));
        Path routes = Files.createDirectories(work.resolve("routes"));
        Path sources = Files.createDirectories(work.resolve("sources"));
        // a source as an OPD registers one in config/sources/: the SQL template with its parameters
        Files.writeString(sources.resolve("bench-feed.yaml"), """
                system: bench-feed
                template: opd-sql-source
                parameters:
                  jdbcUrl: "%s"
                  username: root
                  query: select * from bench_izin
                  watermarkColumn: updated_at
                  keyColumn: row_id
                  table: bench_izin
                  batchSize: 500
                  maxBatches: 1000
                  period: 100
                """.formatted(PG));
        List<String> flags = new ArrayList<>();
        if (!heap.equals("default")) {
            flags.add("-Xmx" + heap);
        }
        String jvm = a.getOrDefault("jvm", "");
        if (!jvm.isBlank()) {
            flags.addAll(List.of(jvm.trim().split("\\s+"))); // e.g. jvm="-XX:+UseSerialGC -XX:TieredStopAtLevel=1"
        }
        boolean nmt = Boolean.parseBoolean(a.getOrDefault("nmt", "false"));
        if (nmt) {
            flags.add("-XX:NativeMemoryTracking=summary");
        }
        if (jfr) {
            Files.deleteIfExists(work.resolve("gateway.jfr"));
            flags.add("-XX:StartFlightRecording=settings=profile,filename=" + work.resolve("gateway.jfr").toAbsolutePath());
        }
        int port = freePort();
        String adminPassword = "bench-" + System.nanoTime();
        List<String> command = new ArrayList<>();
        command.add(javaBin());
        command.addAll(flags);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                "id.ossgateway.GatewayApplication",
                "--server.port=" + port,
                "--gateway.data-dir=" + data.toAbsolutePath(),
                "--gateway.routes-dir=" + routes.toAbsolutePath(),
                "--gateway.mappings-dir=" + Paths.get("bench/mappings").toAbsolutePath(),
                "--gateway.sources.dir=" + sources.toAbsolutePath(),
                "--camel.component.kamelet.location=file:" + Paths.get("routes/kamelets").toAbsolutePath(),
                "--gateway.demo.enabled=false",
                "--gateway.osssim.enabled=false",
                "--gateway.oss.base-url=" + oss.baseUrl(),
                "--gateway.delivery.concurrency=" + concurrency,
                "--gateway.security.initial-admin-password=" + adminPassword));
        if (state.equals("pg")) {
            try (Connection c = DriverManager.getConnection(PG, "root", ""); Statement s = c.createStatement()) {
                s.execute("drop schema if exists bench_state cascade");
            }
            command.addAll(List.of("--spring.datasource.url=" + PG + "?currentSchema=bench_state",
                    "--spring.datasource.username=root", "--spring.datasource.password=",
                    "--spring.flyway.schemas=bench_state"));
        }
        Path log = work.resolve("gateway.log");
        long launched = System.currentTimeMillis();
        Process gateway = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long startupMs = awaitStarted(gateway, log, launched);
            long cpu0 = cpuMillis(gateway.pid());
            long endpointCpu0 = oss.cpuMillis();
            Leg drained = awaitAll(oss, n, "backlog");
            Leg backlog = new Leg(drained.records(), drained.millis(), drained.duplicates(),
                    cpuMillis(gateway.pid()) - cpu0, oss.cpuMillis() - endpointCpu0);
            long firstDeliveryMs = oss.stats().path("firstMs").asLong() - launched;
            List<Long> latencies = steadyPhase(oss, n, steady, steadyRate);
            long rss = peakRssKb(gateway.pid());
            String threads = cpuByThread(gateway.pid());
            String search = searchTimes(port, adminPassword, n);
            String ledger = ledgerGroups(port);
            boolean oom = Files.readString(log).contains("OutOfMemoryError");
            return new GatewayRun(backlog, latencies, startupMs, firstDeliveryMs, rss, flags, oom, ledger, threads, search);
        } finally {
            gateway.destroy(); // SIGTERM: a graceful stop, which also writes the flight recording
            if (!gateway.waitFor(60, TimeUnit.SECONDS)) {
                gateway.destroyForcibly();
            }
        }
    }

    static long awaitStarted(Process gateway, Path log, long launched) throws Exception {
        Instant deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline)) {
            if (!gateway.isAlive()) {
                throw new IllegalStateException("the gateway exited; see " + log);
            }
            if (Files.exists(log) && Files.readString(log).contains("Started GatewayApplication")) {
                return System.currentTimeMillis() - launched;
            }
            Thread.sleep(50); // polling a child's log, not a test
        }
        throw new IllegalStateException("the gateway did not start in 120 s; see " + log);
    }

    /** From the first accepted document to the {@code n}th. */
    static Leg awaitAll(Endpoint oss, long n, String what) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(30));
        long shown = -1;
        JsonNode s;
        while ((s = oss.stats()).path("acceptedDistinct").asLong() < n) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(what + " did not finish: " + s);
            }
            long now = s.path("acceptedDistinct").asLong();
            if (now / 10000 != shown / 10000) {
                System.out.println(what + ": " + now + " accepted");
                shown = now;
            }
            Thread.sleep(200); // a benchmark's progress loop, not a test
        }
        return new Leg(n, s.path("lastMs").asLong() - s.path("firstMs").asLong(), s.path("duplicates").asLong(), 0, 0);
    }

    /** Inserts rows at a steady rate; latency = acceptance time − insert time (carried in keterangan). */
    static List<Long> steadyPhase(Endpoint oss, long already, int count, int rate) throws Exception {
        if (count == 0) {
            return List.of();
        }
        long intervalNanos = 1_000_000_000L / rate;
        try (Connection c = DriverManager.getConnection(PG, "root", "");
             PreparedStatement ps = c.prepareStatement(insert())) {
            long next = System.nanoTime();
            for (int i = 0; i < count; i++) {
                while (System.nanoTime() < next) {
                    Thread.onSpinWait();
                }
                next += intervalNanos;
                Instant now = Instant.now();
                bind(ps, "S-" + i, "20", String.valueOf(now.toEpochMilli()), Timestamp.from(now));
                ps.executeUpdate();
            }
        }
        awaitAll(oss, already + count, "steady");
        List<Long> latencies = new ArrayList<>();
        for (long[] a : oss.arrivals()) {
            latencies.add(a[1] - a[0]);
        }
        latencies.sort(Long::compare);
        return latencies;
    }

    /**
     * The journal search right after the backlog, through the API as an operator would use it: 20 searches of
     * each shape (a permit, one system's newest page, the state filter), p50 and max.
     */
    static String searchTimes(int port, String password, int n) {
        String basic = java.util.Base64.getEncoder().encodeToString(("admin:" + password).getBytes());
        String bearer;
        try {
            // one login (bcrypt, deliberately slow), then an API token as a console or script would use
            bearer = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                            + "/api/v1/tokens")).header("Authorization", "Basic " + basic)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"bench\"}")).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).path("token").asText();
        } catch (Exception e) {
            return "journal search not measured: no token: " + e;
        }
        StringBuilder sb = new StringBuilder();
        java.util.Random random = new java.util.Random(1);
        for (String shape : List.of("idIzin", "system", "state")) {
            List<Long> times = new ArrayList<>();
            int status = 0;
            for (int i = 0; i < 20; i++) {
                String query = switch (shape) {
                    case "idIzin" -> "idIzin=B-" + random.nextInt(n);
                    case "system" -> "system=bench-feed&limit=50";
                    default -> "state=DELIVERED&limit=50";
                };
                long t0 = System.nanoTime();
                try {
                    status = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                            + "/api/v1/messages?" + query)).header("Authorization", "Bearer " + bearer).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode();
                } catch (Exception e) {
                    return "journal search not measured: " + e;
                }
                times.add((System.nanoTime() - t0) / 1_000_000);
            }
            times.sort(Long::compare);
            sb.append(String.format("%s: p50 %d ms, max %d ms (HTTP %d); ", shape, times.get(10), times.get(19), status));
        }
        return sb.toString();
    }

    /** The delivery ledger's group commits from the gateway's own metrics: how many, and steps per commit. */
    static String ledgerGroups(int port) {
        try {
            String metrics = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString()).body();
            double count = metric(metrics, "gateway_delivery_ledger_group_size_count");
            double sum = metric(metrics, "gateway_delivery_ledger_group_size_sum");
            return String.format("%.0f state-database commits for %.0f delivery steps, %.1f steps per commit",
                    count, sum, sum / Math.max(1, count));
        } catch (Exception e) {
            return "ledger metrics not read: " + e;
        }
    }

    static double metric(String metrics, String name) {
        return metrics.lines().filter(l -> l.startsWith(name)).findFirst()
                .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).orElse(0.0);
    }

    /**
     * CPU time of the gateway's threads since it started, by thread name (numbers folded), the largest first:
     * where the time goes, including what a sampling profiler does not show (GC, JIT compiler threads).
     */
    static String cpuByThread(long pid) {
        Map<String, Long> ticks = new HashMap<>();
        long total = 0;
        try (var tasks = Files.list(Paths.get("/proc/" + pid + "/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("\\d+", "N");
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long t = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime + stime, clock ticks
                    ticks.merge(name, t, Long::sum);
                    total += t;
                } catch (Exception threadGone) {
                    // a thread that ended meanwhile
                }
            }
        } catch (Exception e) {
            return "(threads not read: " + e + ")";
        }
        StringBuilder sb = new StringBuilder("| thread | CPU s | % |\n|---|---:|---:|\n");
        long all = Math.max(1, total);
        ticks.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(14)
                .forEach(e -> sb.append("| `").append(e.getKey()).append("` | ")
                        .append(String.format("%.1f", e.getValue() / 100.0)).append(" | ")
                        .append(String.format("%.0f", 100.0 * e.getValue() / all)).append(" |\n"));
        return sb.toString();
    }

    /** Where the gateway's memory is, by the JVM's native memory tracking (committed), for RSS work. */
    static String nativeMemory(long pid) {
        try {
            Process jcmd = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    String.valueOf(pid), "VM.native_memory", "summary").redirectErrorStream(true).start();
            String out = new String(jcmd.getInputStream().readAllBytes());
            jcmd.waitFor();
            StringBuilder sb = new StringBuilder("; native memory (committed):");
            for (String line : out.lines().toList()) {
                java.util.regex.Matcher m = java.util.regex.Pattern
                        .compile("^-?\\s*([A-Za-z ]+?) \\(reserved=\\d+KB, committed=(\\d+)KB").matcher(line.trim());
                if (m.find() && Long.parseLong(m.group(2)) >= 5 * 1024) {
                    sb.append(' ').append(m.group(1).trim()).append(' ').append(Long.parseLong(m.group(2)) / 1024).append(" MB,");
                }
            }
            return sb.toString();
        } catch (Exception e) {
            return "; native memory not read: " + e;
        }
    }

    static long cpuMillis(long pid) {
        return ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration()).map(Duration::toMillis).orElse(0L);
    }

    static long peakRssKb(long pid) throws Exception {
        for (String line : Files.readAllLines(Paths.get("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    // ---------------------------------------------------------------- the direct loop

    /** Keyset pages of 1000 → Jackson → {@code workers} POST threads; nothing durable. */
    static Leg directLoop(Endpoint oss, int n, int workers) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(workers)).build();
        BlockingQueue<String> bodies = new ArrayBlockingQueue<>(4000);
        ExecutorService posters = Executors.newFixedThreadPool(workers);
        AtomicLong failed = new AtomicLong();
        URI target = URI.create(oss.baseUrl() + "/receiveLicenseStatus");
        for (int w = 0; w < workers; w++) {
            posters.submit(() -> {
                try {
                    for (String json = bodies.take(); !json.isEmpty(); json = bodies.take()) {
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(target)
                                        .header("user_key", "sandbox-demo-key").header("Content-Type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() != 200) {
                            failed.incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    failed.incrementAndGet();
                }
                return null;
            });
        }
        long start = System.currentTimeMillis();
        long cpu0 = cpuMillis(ProcessHandle.current().pid());
        long endpointCpu0 = oss.cpuMillis();
        try (Connection c = DriverManager.getConnection(PG, "root", "");
             PreparedStatement page = c.prepareStatement(
                     "select * from bench_izin where id_izin like 'B-%' and row_id > ? order by row_id limit 1000")) {
            long after = 0;
            while (true) {
                page.setLong(1, after);
                int rows = 0;
                try (ResultSet rs = page.executeQuery()) {
                    while (rs.next()) {
                        rows++;
                        after = rs.getLong("row_id");
                        ObjectNode body = JSON.createObjectNode();
                        ObjectNode f = body.putObject("IZINSTATUS");
                        for (String col : List.of("nib", "id_produk", "id_proyek", "oss_id", "id_izin", "kd_izin",
                                "kd_instansi", "kd_status", "tgl_status", "nip_status", "nama_status", "keterangan")) {
                            f.put(col, rs.getString(col).strip());
                        }
                        bodies.put(JSON.writeValueAsString(body));
                    }
                }
                if (rows < 1000) {
                    break;
                }
            }
        }
        for (int w = 0; w < workers; w++) {
            bodies.put("");
        }
        posters.shutdown();
        posters.awaitTermination(30, TimeUnit.MINUTES);
        long millis = System.currentTimeMillis() - start;
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " direct posts failed");
        }
        return new Leg(n, millis, 0, cpuMillis(ProcessHandle.current().pid()) - cpu0, oss.cpuMillis() - endpointCpu0);
    }

    // ---------------------------------------------------------------- the report

    static String report(Map<String, String> a, int n, String oss, String heap, int concurrency, int directWorkers,
                         String state, GatewayRun gw, Leg direct, int steady, int rate) throws Exception {
        String cpu = Files.readAllLines(Paths.get("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 2)).orElse("?");
        List<Long> lat = gw.latencies();
        return """
                ## %s — records=%d, oss=%s, gateway %s, state %s

                `bench/run.sh %s` on %s, %d cores, Java %s. Gateway JVM flags: `%s`; %d delivery consumers; direct
                loop: keyset pages of 1000, Jackson, %d POST threads.

                | leg | records | seconds | records/s |
                |---|---:|---:|---:|
                | gateway (poll → map → validate → journal → Artemis → POST, durable) | %d | %.1f | **%.0f** |
                | direct loop (JDBC → Jackson → POST, nothing durable) | %d | %.1f | **%.0f** |
                | ratio gateway / direct | | | **%.3f** |

                CPU per 1,000 records (robust to other load on the machine): gateway JVM %d ms, direct loop %d ms;
                the OSS endpoint's JVM meanwhile %d ms and %d ms.

                Gateway: started in %d ms, first record at OSS %d ms after launch, peak RSS (VmHWM) %d MB,
                duplicates at OSS %d, OutOfMemoryError: %s; delivery ledger: %s.
                End-to-end latency at a steady %d records/s (%d records, row insert → OSS acceptance):
                p50 %d ms, p95 %d ms, p99 %d ms, max %d ms.

                Journal search over the API after the backlog (%d messages): %s

                Gateway CPU by thread (since launch; Linux thread names are cut at 15 characters):

                %s
                """.formatted(Instant.now(), n, oss, heap.equals("default") ? "default heap" : "-Xmx" + heap, state,
                String.join(" ", a.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).sorted().toList()),
                cpu, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                String.join(" ", gw.jvmFlags()), concurrency, directWorkers,
                gw.backlog().records(), gw.backlog().millis() / 1000.0, gw.backlog().perSecond(),
                direct.records(), direct.millis() / 1000.0, direct.perSecond(),
                gw.backlog().perSecond() / direct.perSecond(),
                gw.backlog().cpuMillis() * 1000 / n, direct.cpuMillis() * 1000 / n,
                gw.backlog().endpointCpuMillis() * 1000 / n, direct.endpointCpuMillis() * 1000 / n,
                gw.startupMs(), gw.firstDeliveryMs(), gw.peakRssKb() / 1024, gw.backlog().duplicates(), gw.outOfMemory(), gw.ledgerGroups(),
                rate, lat.size(), pct(lat, 50), pct(lat, 95), pct(lat, 99), lat.isEmpty() ? 0 : lat.get(lat.size() - 1),
                n + lat.size(), gw.searchTimes(), gw.cpuByThread());
    }

    /** The hottest frames of the gateway's flight recording: by own samples, and by the first project frame. */
    static String hotFrames(Path recording) throws Exception {
        if (!Files.exists(recording)) {
            return "\n(no flight recording written)\n";
        }
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> project = new HashMap<>();
        int total = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(recording)) {
            if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
                continue;
            }
            List<RecordedFrame> frames = e.getStackTrace().getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            total++;
            self.merge(name(frames.get(0)), 1, Integer::sum);
            frames.stream().map(PipelineBench::name).filter(f -> f.startsWith("id.ossgateway.")).findFirst()
                    .ifPresent(f -> project.merge(f, 1, Integer::sum));
        }
        return "\nFlight recording (" + total + " execution samples): top frames by own time\n\n"
                + table(self, total) + "\nby the innermost gateway frame on the stack (inclusive)\n\n"
                + table(project, total);
    }

    static String name(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    static String table(Map<String, Integer> counts, int total) {
        StringBuilder sb = new StringBuilder("| samples | % | frame |\n|---:|---:|---|\n");
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(15)
                .forEach(e -> sb.append("| ").append(e.getValue()).append(" | ")
                        .append(String.format("%.1f", 100.0 * e.getValue() / Math.max(1, total))).append(" | `")
                        .append(e.getKey()).append("` |\n"));
        return sb.toString();
    }

    static long pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    static Map<String, String> args(String[] args) {
        Map<String, String> a = new java.util.TreeMap<>();
        Arrays.stream(args).filter(s -> s.contains("=")).forEach(s -> a.put(s.substring(0, s.indexOf('=')),
                s.substring(s.indexOf('=') + 1)));
        return a;
    }

    static String javaBin() {
        return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static void deleteTree(Path p) throws Exception {
        if (Files.exists(p)) {
            try (var walk = Files.walk(p)) {
                walk.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
