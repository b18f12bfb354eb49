package id.ossgateway.source.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 100 MB CSV drop is read without holding it in memory: the real reading path (fingerprint, CSV parser,
 * batching, report) runs in a JVM with a 48 MB heap, less than half the file, so loading the file, its
 * records or its report into memory would end in an OutOfMemoryError. Delivering 400,000 records to the
 * simulator would take about an hour at the pipeline's rate, so the gateway's Ingest is a counter here;
 * {@code FileDropIT} covers the delivery of dropped files.
 */
class LargeDropStreamingIT {

    private static final long SIZE = 100L * 1024 * 1024;
    private static final long HEAP = 48L * 1024 * 1024;

    @Test
    void aHundredMegabyteCsvIsReadInAHeapMuchSmallerThanTheFile(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("export.csv");
        long rows = writeCsv(csv, SIZE);
        assertThat(Files.size(csv)).isGreaterThanOrEqualTo(SIZE);

        Path report = dir.resolve("export.csv.result.txt");
        Path log = dir.resolve("probe.log");
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        Process probe = new ProcessBuilder(java, "-Xmx" + HEAP / 1024 / 1024 + "m", "-XX:+ExitOnOutOfMemoryError",
                "-cp", System.getProperty("java.class.path"), StreamingProbe.class.getName(), csv.toString(),
                report.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(probe.waitFor(110, TimeUnit.SECONDS)).as("probe finished in time").isTrue();

        String output = Files.readString(log);
        assertThat(probe.exitValue()).as(output).isZero();
        assertThat(output).contains("records=" + rows + " largestBatch=500 complete=true")
                .contains("sha256=" + sha256(csv));
        long maxHeap = Long.parseLong(output.replaceAll("(?s).*maxHeap=(\\d+).*", "$1"));
        assertThat(maxHeap).isLessThan(Files.size(csv) / 2);
        assertThat(lastLines(report)).containsExactly(rows + 1 + ";ACCEPTED;m-" + rows + ";");
    }

    /** A CSV like an OPD's export, with one unique permit per line; returns the number of records. */
    private static long writeCsv(Path file, long size) throws IOException {
        long rows = 0;
        long written = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            String header = "id_izin;nib;id_produk;id_proyek;oss_id;kd_izin;kd_instansi;kd_status;tgl_status;"
                    + "nip_status;nama_status;keterangan\r\n";
            out.write(header);
            written += header.length();
            while (written < size) {
                rows++;
                String line = "BIG-" + rows + ";9120301234567;P-1;R-2026000001;OSS0000000001;I-012345;001;10;"
                        + "2026-11-02 10:00:00;198001012005011001;Petugas Verifikasi;\"catatan; baris " + rows
                        + " dari ekspor malam\"\r\n";
                out.write(line);
                written += line.length();
            }
        }
        return rows;
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static List<String> lastLines(Path report) throws IOException {
        List<String> last = new ArrayList<>();
        try (var lines = Files.lines(report)) {
            lines.reduce((a, b) -> b).ifPresent(last::add);
        }
        return last;
    }
}
