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
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The delivery pipeline against a direct loop, on the same rows, the same simulator and the same
 * concurrency. Run through bench/run.sh, which builds the classpath.
 *
 * Phase 1 (throughput): N rows seeded in a PostgreSQL table; the gateway (its own JVM, embedded persistent
 * Artemis, H2 state database, journal, idempotency records) polls and delivers them all.
 * Phase 2 (latency): rows inserted one by one at a steady rate; end-to-end latency is from the row's
 * insert to the simulator's acceptance, so it includes the poll period.
 * Baseline: the same N rows read over JDBC and POSTed straight to a fresh simulator by the same number of
 * threads, with no queue and no journal.
 */
public class PipelineBench {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String PG = "jdbc:postgresql://127.0.0.1:5432/test";
    /** The gateway's state database: h2 (embedded default) or pg (PostgreSQL, as in production). */
    static String state = "h2";

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(arg(args, "records", "100000"));
        int concurrency = Integer.parseInt(arg(args, "concurrency", "16"));
        int steady = Integer.parseInt(arg(args, "steady", "3000"));
        int steadyRate = Integer.parseInt(arg(args, "steady-rate", "200"));
        state = arg(args, "state", "h2");
        Path out = Paths.get(arg(args, "out", "bench/results.md"));
        Path work = Files.createDirectories(Paths.get("bench/work"));

        seed(n);
        System.out.println("seeded " + n + " rows");

        // --- pipeline
        Result pipeline;
        List<Long> latencies;
        try (StandaloneSimulator sim = StandaloneSimulator.start(0, SimulatorProperties.Faults.none())) {
            Process gateway = startGateway(sim, work, concurrency);
            try {
                pipeline = awaitAll(sim, n, "pipeline");
                latencies = steadyPhase(sim, n, steady, steadyRate);
            } finally {
                gateway.destroy();
                gateway.waitFor(30, TimeUnit.SECONDS);
                gateway.destroyForcibly();
            }
            if (sim.stats().path("duplicates").asLong() != 0) {
                throw new IllegalStateException("the pipeline sent duplicates: " + sim.stats());
            }
        }

        // --- direct loop
        Result direct;
        try (StandaloneSimulator sim = StandaloneSimulator.start(0, SimulatorProperties.Faults.none())) {
            direct = directLoop(sim, n, concurrency);
        }

        String report = report(n, concurrency, pipeline, direct, latencies, steady, steadyRate);
        Files.writeString(out, report);
        System.out.println(report);
    }

    record Result(long records, Duration elapsed) {
        double perSecond() {
            return records * 1000.0 / Math.max(1, elapsed.toMillis());
        }
    }

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

    static Process startGateway(StandaloneSimulator sim, Path work, int concurrency) throws Exception {
        Path data = work.resolve("data");
        deleteTree(data);
        Path routes = Files.createDirectories(work.resolve("routes"));
        Files.writeString(routes.resolve("bench-feed.camel.yaml"), """
                - route:
                    id: bench-feed
                    from:
                      uri: "kamelet:opd-sql-source"
                      parameters:
                        systemId: bench-feed
                        jdbcUrl: "%s"
                        username: root
                        query: select * from bench_izin
                        watermarkColumn: updated_at
                        keyColumn: row_id
                        table: bench_izin
                        batchSize: 500
                        maxBatches: 1000
                        period: 100
                      steps:
                        - log: { message: "${body}", loggingLevel: DEBUG }
                """.formatted(PG));
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx2g", "-cp", System.getProperty("java.class.path"),
                "id.ossgateway.GatewayApplication",
                "--server.port=" + freePort(),
                "--gateway.data-dir=" + data.toAbsolutePath(),
                "--gateway.routes-dir=" + routes.toAbsolutePath(),
                "--gateway.mappings-dir=" + Paths.get("bench/mappings").toAbsolutePath(),
                "--camel.component.kamelet.location=file:" + Paths.get("routes/kamelets").toAbsolutePath(),
                "--gateway.demo.enabled=false",
                "--gateway.osssim.enabled=false",
                "--gateway.oss.base-url=" + sim.baseUrl(),
                "--gateway.delivery.concurrency=" + concurrency,
                "--logging.level.id.ossgateway.delivery.DeliveryOutcome=WARN",
                "--logging.level.id.ossgateway.source=WARN"));
        if (state.equals("pg")) {
            try (Connection c = DriverManager.getConnection(PG, "root", ""); Statement s = c.createStatement()) {
                s.execute("drop schema if exists bench_state cascade");
            }
            command.addAll(List.of("--spring.datasource.url=" + PG + "?currentSchema=bench_state",
                    "--spring.datasource.username=root", "--spring.datasource.password=",
                    "--spring.flyway.schemas=bench_state"));
        }
        File log = Paths.get("bench/work/gateway.log").toFile();
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
    }

    /** From the simulator's first call to the last of {@code n} accepted documents. */
    static Result awaitAll(StandaloneSimulator sim, long n, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(30));
        long last = -1;
        while (sim.stats().path("acceptedDistinct").asLong() < n) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(what + " did not finish: " + sim.stats());
            }
            long now = sim.stats().path("acceptedDistinct").asLong();
            if (now / 10000 != last / 10000) {
                System.out.println(what + ": " + now + " accepted");
                last = now;
            }
            Thread.sleep(500); // a benchmark's progress loop, not a test
        }
        JsonNode calls = sim.calls(null);
        Instant first = Instant.parse(calls.get(0).path("at").asText());
        Instant end = Instant.parse(calls.get(calls.size() - 1).path("at").asText());
        return new Result(n, Duration.between(first, end));
    }

    /** Inserts rows at a steady rate; latency = simulator acceptance - insert time (carried in keterangan). */
    static List<Long> steadyPhase(StandaloneSimulator sim, long already, int count, int rate) throws Exception {
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
        awaitAll(sim, already + count, "steady");
        List<Long> latencies = new ArrayList<>();
        for (JsonNode call : sim.calls("receiveLicenseStatus")) {
            JsonNode doc = call.path("body").path("IZINSTATUS");
            if (doc.path("id_izin").asText().startsWith("S-") && call.path("reply").path("status").asInt() == 200) {
                long inserted = Long.parseLong(doc.path("keterangan").asText());
                latencies.add(Instant.parse(call.path("at").asText()).toEpochMilli() - inserted);
            }
        }
        latencies.sort(Long::compare);
        return latencies;
    }

    /** Read the rows and POST them with the same concurrency: no queue, no journal, no idempotency. */
    static Result directLoop(StandaloneSimulator sim, int n, int concurrency) throws Exception {
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(concurrency)).build();
        ExecutorService workers = Executors.newFixedThreadPool(concurrency);
        AtomicLong failed = new AtomicLong();
        Instant start = Instant.now();
        try (Connection c = DriverManager.getConnection(PG, "root", "")) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.setFetchSize(1000);
                try (ResultSet rs = s.executeQuery("select * from bench_izin where id_izin like 'B-%' order by row_id")) {
                    while (rs.next()) {
                        ObjectNode body = JSON.createObjectNode();
                        ObjectNode f = body.putObject("IZINSTATUS");
                        for (String col : List.of("nib", "id_produk", "id_proyek", "oss_id", "id_izin", "kd_izin",
                                "kd_instansi", "kd_status", "tgl_status", "nip_status", "nama_status", "keterangan")) {
                            f.put(col, rs.getString(col).strip());
                        }
                        String json = body.toString();
                        workers.submit(() -> {
                            try {
                                HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                                                URI.create(sim.baseUrl() + "/receiveLicenseStatus"))
                                        .header("user_key", "sandbox-demo-key").header("Content-Type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                                        HttpResponse.BodyHandlers.ofString());
                                if (r.statusCode() != 200) {
                                    failed.incrementAndGet();
                                }
                            } catch (Exception e) {
                                failed.incrementAndGet();
                            }
                        });
                    }
                }
            }
        }
        workers.shutdown();
        workers.awaitTermination(30, TimeUnit.MINUTES);
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " direct posts failed");
        }
        return new Result(n, Duration.between(start, Instant.now()));
    }

    static String report(int n, int concurrency, Result pipeline, Result direct, List<Long> lat, int steady, int rate)
            throws Exception {
        String cpu = Files.readAllLines(Paths.get("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 2)).orElse("?");
        long cores = Runtime.getRuntime().availableProcessors();
        String mem = Files.readAllLines(Paths.get("/proc/meminfo")).get(0).replaceAll("\\s+", " ");
        return """
                # Benchmark: delivery pipeline vs direct loop

                Run %s with `bench/run.sh` (records=%d, concurrency=%d, state database %s).
                Machine: %s, %d cores, %s; Java %s.
                Legacy source: PostgreSQL 127.0.0.1 table `bench_izin`; OSS: the standalone simulator (no faults,
                no latency) in the benchmark's JVM; the gateway in its own JVM with embedded persistent Artemis and
                its state database (journal, attempt records, idempotency records) — everything durable.

                | | records | seconds | records/s |
                |---|---:|---:|---:|
                | pipeline (poll → map → validate → journal → Artemis → HTTP, all durable) | %d | %.1f | **%.0f** |
                | direct loop (JDBC read → HTTP POST, %d threads, nothing durable) | %d | %.1f | **%.0f** |
                | ratio pipeline / direct | | | **%.2f** |

                End-to-end latency at a steady %d records/s (%d records; from the row's insert in the legacy
                table to OSS's acceptance, including the 100 ms poll period):

                | p50 | p95 | p99 | max |
                |---:|---:|---:|---:|
                | %d ms | %d ms | %d ms | %d ms |
                """.formatted(Instant.now(), n, concurrency, state, cpu, cores, mem, System.getProperty("java.version"),
                pipeline.records(), pipeline.elapsed().toMillis() / 1000.0, pipeline.perSecond(), concurrency,
                direct.records(), direct.elapsed().toMillis() / 1000.0, direct.perSecond(),
                pipeline.perSecond() / direct.perSecond(), rate, lat.size(),
                pct(lat, 50), pct(lat, 95), pct(lat, 99), lat.isEmpty() ? 0 : lat.get(lat.size() - 1));
    }

    static long pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    static String arg(String[] args, String name, String dflt) {
        return Arrays.stream(args).filter(a -> a.startsWith(name + "=")).map(a -> a.substring(name.length() + 1))
                .findFirst().orElse(dflt);
    }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static void deleteTree(Path p) throws Exception {
        if (Files.exists(p)) {
            try (var walk = Files.walk(p)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
