package id.ossgateway.demo;

import id.ossgateway.GatewayProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A stand-in for an OPD's legacy permit application: a table {@code permohonan_izin} as a PHP app would
 * keep it (status as text, dates as dd/MM/yyyy strings, CHAR-padded codes, the applicant's NIK and phone
 * beside the permit data), where applications move through their statuses every few seconds until a
 * permit is issued. The gateway reads it only through the SQL source, like any other legacy database.
 */
@Component
@ConditionalOnProperty(name = "gateway.demo.enabled", havingValue = "true")
public class DemoOpd {

    static final List<String> FLOW = List.of("BERKAS DITERIMA", "BERKAS LENGKAP", "VERIFIKASI TEKNIS",
            "MENUNGGU PEMBAYARAN", "DISETUJUI", "TERBIT");
    private static final DateTimeFormatter LEGACY = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final DateTimeFormatter ISSUED = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Random random = new Random();

    public DemoOpd(DemoProperties properties, GatewayProperties gateway, Clock clock) throws IOException {
        this.jdbc = new JdbcTemplate(new SimpleDriverDataSource(new org.h2.Driver(), properties.jdbcUrl(), "sa", ""));
        this.clock = clock;
        create(properties.permits());
        dropSampleFile(gateway.dataDir().resolve("drop").resolve("demo-perizinan"));
    }

    /**
     * What an OPD without a database connection does: a CSV of the day's changes, ';'-separated as Excel
     * writes it here. One line has a status the mapping does not know, to show a reject in the report.
     */
    private void dropSampleFile(Path folder) throws IOException {
        Files.createDirectories(folder);
        String day = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(now());
        String stamp = LEGACY.format(now());
        String csv = "no_permohonan;id_izin;nib;id_proyek;oss_id;id_produk;kd_izin;status;tgl_update;nip_petugas;"
                + "nama_petugas;catatan\r\n"
                + "DPM-CSV-" + day + "-1;I-" + day.replace("-", "") + "1;9120300009001;R-2026900001;P-2026900009001;"
                + "P-900001;I-012390;BERKAS LENGKAP;" + stamp + ";198001012005011001;Siti Rahma;dari berkas harian\r\n"
                + "DPM-CSV-" + day + "-2;I-" + day.replace("-", "") + "2;9120300009002;R-2026900002;P-2026900009002;"
                + "P-900002;I-012391;DIPROSES;" + stamp + ";198001012005011001;Siti Rahma;status tidak dikenal\r\n";
        Path part = folder.resolve("harian-" + day + ".csv.part");
        Files.writeString(part, csv);
        Files.move(part, folder.resolve("harian-" + day + ".csv"));
    }

    private void create(int permits) {
        jdbc.execute("create table if not exists permohonan_izin ("
                + " no_permohonan varchar(20) primary key, id_izin varchar(25),"
                + " nib char(13), id_proyek varchar(25), oss_id varchar(25), id_produk varchar(25),"
                + " kd_izin char(12), status varchar(40), tgl_update varchar(16),"
                + " nip_petugas varchar(25), nama_petugas varchar(50), catatan varchar(200),"
                + " nomor_izin varchar(50), tgl_terbit varchar(10), masa_berlaku_tahun int,"
                + " nik_pemohon char(16), hp_pemohon varchar(15), updated_at timestamp not null)");
        Integer existing = jdbc.queryForObject("select count(*) from permohonan_izin", Integer.class);
        if (existing != null && existing > 0) {
            return;
        }
        for (int i = 1; i <= permits; i++) {
            LocalDateTime now = now();
            // the applications start spread over the flow, so the first poll already carries issued permits
            String status = FLOW.get((i - 1) % FLOW.size());
            String no = String.format("DPM-2026-%05d", i);
            boolean issued = "TERBIT".equals(status);
            // id_izin, id_proyek and oss_id as OSS issued them with the NIB it pushed (never the local number)
            jdbc.update("insert into permohonan_izin values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 5, ?, ?, ?)",
                    no, String.format("I-2026%017d", i), String.format("91203%08d", 1000 + i),
                    String.format("R-2026%06d", i), String.format("P-2026%09d", 7000 + i), String.format("P-%06d", i),
                    "I-0123" + String.format("%02d", i % 100), status, LEGACY.format(now),
                    "198001012005011001", "Siti Rahma", "status " + status.toLowerCase(),
                    issued ? permitNumber(no) : null, issued ? ISSUED.format(now) : null,
                    String.format("3271%012d", 500 + i), "0812" + String.format("%08d", 3000 + i),
                    Timestamp.valueOf(now));
        }
    }

    private static String permitNumber(String no) {
        return "503/" + no.substring(9) + "/DPMPTSP/2026";
    }

    /** Moves a few applications to their next status, as officers would during a working day. */
    @Scheduled(initialDelayString = "${gateway.demo.change-every:10s}", fixedDelayString = "${gateway.demo.change-every:10s}")
    public void advance() {
        List<Map<String, Object>> open = jdbc.queryForList(
                "select no_permohonan, status from permohonan_izin where status <> 'TERBIT' order by no_permohonan");
        for (Map<String, Object> row : open) {
            if (random.nextInt(3) != 0) {
                continue;
            }
            int next = FLOW.indexOf((String) row.get("STATUS")) + 1;
            String status = FLOW.get(Math.min(next, FLOW.size() - 1));
            LocalDateTime now = now();
            String no = (String) row.get("NO_PERMOHONAN");
            boolean issued = "TERBIT".equals(status);
            jdbc.update("update permohonan_izin set status = ?, tgl_update = ?, catatan = ?, nomor_izin = ?,"
                            + " tgl_terbit = ?, updated_at = ? where no_permohonan = ?",
                    status, LEGACY.format(now), "status " + status.toLowerCase(),
                    issued ? permitNumber(no) : null, issued ? ISSUED.format(now) : null,
                    Timestamp.valueOf(now), no);
        }
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(ZoneId.of("Asia/Makassar"))).withNano(0);
    }
}
