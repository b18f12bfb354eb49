package id.ossgateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import id.ossgateway.source.SourcePosition;
import id.ossgateway.source.SourcePositions;
import id.ossgateway.source.sql.SqlSourcePoller;
import id.ossgateway.source.sql.SqlSourceSpec;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Legacy realities of SQL sources on the real databases of this machine: MySQL zero dates in data and
 * watermark columns (MariaDB), watermarks kept as text (PostgreSQL and MariaDB), and the optional write-back
 * that marks rows processed, next to a SELECT-only account that must be enough without it (PostgreSQL).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class SqlLegacyValuesIT {

    private static final String STATE_SCHEMA = "gw_it_" + UUID.randomUUID().toString().substring(0, 8);
    private static final DateTimeFormatter TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        LegacyDatabases.require(LegacyDatabases.POSTGRES, "root");
        port = GatewayTestSupport.register(registry);
        registry.add("spring.datasource.url", () -> LegacyDatabases.POSTGRES + "?currentSchema=" + STATE_SCHEMA);
        registry.add("spring.datasource.username", () -> "root");
        registry.add("spring.datasource.password", () -> "");
        registry.add("spring.flyway.schemas", () -> STATE_SCHEMA);
    }

    @Autowired
    SqlSourcePoller poller;
    @Autowired
    SourcePositions positions;

    @Test
    void zeroDatesBecomeNullInDataColumnsAndCountAsTheLowestWatermark() throws Exception {
        LegacyDatabases.require(LegacyDatabases.MARIADB, "root");
        String table = "izin_zero_" + suffix();
        String prefix = "ZD" + suffix();
        // MySQL's defaults refuse zero dates; legacy systems run with sql_mode='' and are full of them
        execute(LegacyDatabases.MARIADB, "SET SESSION sql_mode=''",
                "create table " + table + " (row_id int primary key, id_izin varchar(25), kd_status varchar(2),"
                        + " tgl_status datetime, tgl_daftar date, keterangan varchar(200), updated_at datetime)",
                "insert into " + table + " values"
                        + " (1, '" + prefix + "-1', '20', '2026-11-02 10:00:00', '0000-00-00', 'a', '0000-00-00 00:00:00'),"
                        + " (2, '" + prefix + "-2', '20', '0000-00-00 00:00:00', '2024-02-01', 'b', '0000-00-00 00:00:00'),"
                        + " (3, '" + prefix + "-3', '20', '2026-11-02 10:05:00', '2024-02-00', 'c', '2026-11-02 08:00:00'),"
                        + " (4, '" + prefix + "-4', '20', '2026-00-00 00:00:00', '2024-02-01', 'd', '2026-11-02 08:01:00')");
        // batches of one: the position rests on a zero watermark between rows 1 and 2
        SqlSourceSpec spec = new SqlSourceSpec("it-feed", null, LegacyDatabases.MARIADB, "root", "",
                statusQuery(table), "updated_at", "row_id", table, 1, 100, null);

        // rows 2 and 4 have a zero (or partly zero) tgl_status: null, so "required" rejects them with a reason
        assertThat(poller.poll(spec)).contains("4 rows", "2 accepted", "2 rejected");
        assertThat(poller.poll(spec)).contains("0 rows", "0 accepted");
        assertThat(positions.find("it-feed:" + table)).contains(new SourcePosition(
                new SourcePosition.Value(SourcePosition.Type.TIMESTAMP, "2026-11-02T08:01"),
                new SourcePosition.Value(SourcePosition.Type.NUMBER, "4")));

        await().atMost(Duration.ofSeconds(30)).until(() -> call(prefix + "-3") != null && call(prefix + "-1") != null);
        assertThat(call(prefix + "-1").path("tgl_status").asText()).isEqualTo("2026-11-02 10:00:00");
        assertThat(call(prefix + "-3").path("tgl_status").asText()).isEqualTo("2026-11-02 10:05:00");
        assertThat(rejectReasons(prefix + "-2")).contains("tgl_status/required");
        assertThat(rejectReasons(prefix + "-4")).contains("tgl_status/required");
    }

    private java.util.List<String> rejectReasons(String idIzin) {
        for (JsonNode reject : GatewayTestSupport.get(port, "/api/v1/rejects?system=it-feed&limit=1000")) {
            if (reject.path("record").path("id_izin").asText().equals(idIzin)) {
                java.util.List<String> reasons = new java.util.ArrayList<>();
                reject.path("reasons").forEach(r -> reasons.add(r.path("field").asText() + "/" + r.path("rule").asText()));
                return reasons;
            }
        }
        throw new AssertionError("no reject for " + idIzin);
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "mariadb"})
    void aSortableTextWatermarkIsPolledInOrderAndItsSettleTimeComparesAsText(String kind) throws Exception {
        String url = url(kind);
        String table = "izin_textwm_" + kind + "_" + suffix();
        String prefix = "TW" + suffix();
        LocalDateTime now = LocalDateTime.now(ZoneId.of("Asia/Makassar"));
        execute(url, "create table " + table + " (row_id int primary key, id_izin varchar(25), kd_status varchar(2),"
                        + " tgl_status varchar(19), keterangan varchar(200), tgl_update varchar(19))",
                insertText(table, prefix, 1, "2026-11-02 08:00:00"),
                insertText(table, prefix, 2, "2026-11-02 08:00:00"),
                insertText(table, prefix, 3, "2026-11-02 09:30:00"),
                insertText(table, prefix, 4, TEXT.format(now))); // too young for a settle time of one minute
        SqlSourceSpec settled = textSpec(url, table, Duration.ofMinutes(1));

        assertThat(poller.poll(settled)).contains("3 rows", "3 accepted");
        assertThat(positions.find("it-feed:" + table).orElseThrow().watermark())
                .isEqualTo(new SourcePosition.Value(SourcePosition.Type.TEXT, "2026-11-02 09:30:00"));
        execute(url, insertText(table, prefix, 5, "2026-11-02 09:30:00")); // shares the last text watermark
        assertThat(poller.poll(settled)).contains("1 rows");
        assertThat(poller.poll(textSpec(url, table, Duration.ZERO))).contains("1 rows"); // row 4, settle off
    }

    @Test
    void aTextWatermarkFormatThatDoesNotSortIsRefusedBeforeAnyRowIsRead() {
        assertThatThrownBy(() -> new SqlSourceSpec("it-feed", null, LegacyDatabases.POSTGRES, "root", "",
                "select * from t", "tgl_update", "row_id", "t", 10, 1, Duration.ZERO, "dd/MM/yyyy HH:mm", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'dd/MM/yyyy HH:mm' does not sort in time order");
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "mariadb"})
    void dayFirstTextDatesStopThePollUnlessTheQueryConvertsThem(String kind) throws Exception {
        String url = url(kind);
        String table = "izin_dayfirst_" + kind + "_" + suffix();
        String prefix = "DF" + suffix();
        execute(url, "create table " + table + " (row_id int primary key, id_izin varchar(25), kd_status varchar(2),"
                        + " tgl_status varchar(19), keterangan varchar(200), tgl_update varchar(16))",
                insertText(table, prefix, 1, "31/12/2025 10:00"),
                insertText(table, prefix, 2, "02/01/2026 10:00"),
                insertText(table, prefix, 3, "15/01/2026 10:00"));
        SqlSourceSpec asText = new SqlSourceSpec("it-feed", null, url, "root", "", statusQuery(table), "tgl_update",
                "row_id", table, 1, 100, null);
        assertThat(poller.poll(asText)).contains("poll failed", "day-first");
        assertThat(positions.find("it-feed:" + table)).isEmpty();

        // the way out the kamelet documents: convert in the query, poll on the converted column
        String converted = kind.equals("postgres")
                ? "select s.*, to_timestamp(s.tgl_update, 'DD/MM/YYYY HH24:MI')::timestamp as wm from (" + statusQuery(table) + ") s"
                : "select s.*, str_to_date(s.tgl_update, '%d/%m/%Y %H:%i') as wm from (" + statusQuery(table) + ") s";
        SqlSourceSpec convertedSpec = new SqlSourceSpec("it-feed", null, url, "root", "", converted, "wm", "row_id",
                table, 1, 100, null);
        assertThat(poller.poll(convertedSpec)).contains("3 rows");
        // 01/02/2026 sorts before 31/12/2025 as text, but comes after it in time: it must be read
        execute(url, insertText(table, prefix, 4, "01/02/2026 10:00"));
        assertThat(poller.poll(convertedSpec)).contains("1 rows");
    }

    @Test
    void aSelectOnlyAccountIsEnoughAndRowsAreMarkedOnlyWhenConfigured() throws Exception {
        String table = "izin_mark_" + suffix();
        String prefix = "MK" + suffix();
        String reader = "gw_reader_" + suffix();
        execute(LegacyDatabases.POSTGRES, "create table " + table + " (row_id int primary key, id_izin varchar(25),"
                        + " kd_status varchar(2), tgl_status varchar(19), keterangan varchar(200),"
                        + " tgl_update varchar(19), kirim_oss smallint not null default 0)",
                insertText(table, prefix, 1, "2026-11-02 08:00:00"),
                insertText(table, prefix, 2, "2026-11-02 08:00:00"),
                insertText(table, prefix, 3, "2026-11-02 08:10:00"),
                "create role " + reader + " login", "grant select on " + table + " to " + reader);
        try {
            String mark = "update " + table + " set kirim_oss = 1 where row_id = :key";
            // a SELECT-only account polls fine without markProcessedSql: the poll writes nothing
            assertThat(poller.poll(markSpec(reader, table, "read-only", null))).contains("3 rows", "3 accepted");
            assertThat(marked(table)).isZero();

            // with markProcessedSql the same account is refused, and the position stays where it was
            assertThat(poller.poll(markSpec(reader, table, "read-only-marking", mark)))
                    .contains("poll failed", "permission denied");
            assertThat(positions.find("it-feed:read-only-marking")).isEmpty();

            // an account allowed to UPDATE marks every row of every batch (batches of two)
            assertThat(poller.poll(markSpec("root", table, "marking", mark))).contains("3 rows");
            assertThat(marked(table)).isEqualTo(3);
        } finally {
            execute(LegacyDatabases.POSTGRES, "drop table " + table, "drop role " + reader);
        }
    }

    private SqlSourceSpec markSpec(String user, String table, String label, String markSql) {
        return new SqlSourceSpec("it-feed", null, LegacyDatabases.POSTGRES, user, "", statusQuery(table), "tgl_update",
                "row_id", label, 2, 100, Duration.ZERO, "yyyy-MM-dd HH:mm:ss", markSql);
    }

    private SqlSourceSpec textSpec(String url, String table, Duration settle) {
        return new SqlSourceSpec("it-feed", null, url, "root", "", statusQuery(table), "tgl_update", "row_id", table,
                2, 100, settle, "yyyy-MM-dd HH:mm:ss", null);
    }

    /** The table's own columns plus the IZINSTATUS fields every row shares. */
    private static String statusQuery(String table) {
        return "select t.*, '9120301234567' as nib, 'P-1' as id_produk, 'R-2026000001' as id_proyek,"
                + " 'OSS0000000001' as oss_id, 'I-012345' as kd_izin, '001' as kd_instansi,"
                + " '198001012005011001' as nip_status, 'Petugas' as nama_status from " + table + " t";
    }

    private static String insertText(String table, String prefix, int id, String watermark) {
        return "insert into " + table + " (row_id, id_izin, kd_status, tgl_status, keterangan, tgl_update) values ("
                + id + ", '" + prefix + "-" + id + "', '20', '2026-11-02 10:00:00', 'catatan', '" + watermark + "')";
    }

    private static int marked(String table) throws Exception {
        try (Connection c = LegacyDatabases.connect(LegacyDatabases.POSTGRES, "root"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from " + table + " where kirim_oss = 1")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static String url(String kind) {
        String url = kind.equals("postgres") ? LegacyDatabases.POSTGRES : LegacyDatabases.MARIADB;
        LegacyDatabases.require(url, "root");
        return url;
    }

    private static void execute(String url, String... statements) throws Exception {
        try (Connection c = LegacyDatabases.connect(url, "root"); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 6);
    }

    private JsonNode call(String idIzin) {
        for (JsonNode call : GatewayTestSupport.get(port, "/oss-sim/_calls?method=receiveLicenseStatus")) {
            if (call.path("body").path("IZINSTATUS").path("id_izin").asText().equals(idIzin)) {
                return call.path("body").path("IZINSTATUS");
            }
        }
        return null;
    }
}
