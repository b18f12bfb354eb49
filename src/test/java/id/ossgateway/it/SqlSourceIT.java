package id.ossgateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import id.ossgateway.source.SourceHealth;
import id.ossgateway.source.SourcePositions;
import id.ossgateway.source.sql.SqlSourcePoller;
import id.ossgateway.source.sql.SqlSourceSpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The SQL source against the real legacy databases of this machine (PostgreSQL, MariaDB) and H2, with
 * the gateway's own state on PostgreSQL as in production: rows sharing a timestamp across batch
 * boundaries, padded CHAR columns, NULLs, a latin1 MariaDB table, and a poll that fails and recovers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class SqlSourceIT {

    private static final String STATE_SCHEMA = "gw_it_" + UUID.randomUUID().toString().substring(0, 8);
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
    @Autowired
    SourceHealth health;

    record Legacy(String url, String user, String charsetClause) {
        static Legacy of(String kind) {
            return switch (kind) {
                case "postgres" -> new Legacy(LegacyDatabases.POSTGRES, "root", "");
                // MySQL's latin1 is cp1252: '€' and 'é' must arrive as such
                case "mariadb" -> new Legacy(LegacyDatabases.MARIADB, "root", " character set latin1");
                default -> new Legacy("jdbc:h2:mem:legacy_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
            };
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "mariadb", "h2"})
    void pollsEveryRowOnceAcrossSharedTimestampsAndKeepsItsPositionWhenThePollFails(String kind) throws Exception {
        Legacy db = Legacy.of(kind);
        if (!kind.equals("h2")) {
            LegacyDatabases.require(db.url(), db.user());
        }
        String table = "izin_" + kind + "_" + UUID.randomUUID().toString().substring(0, 6);
        String prefix = "SQ" + UUID.randomUUID().toString().substring(0, 6);
        try (Connection c = LegacyDatabases.connect(db.url(), db.user()); Statement s = c.createStatement()) {
            s.execute("create table " + table + " (row_id int primary key, id_izin varchar(25), nib char(13),"
                    + " id_produk varchar(25), id_proyek varchar(25), oss_id varchar(25), kd_izin char(12),"
                    + " kd_instansi varchar(3), kd_status varchar(2), tgl_status varchar(19),"
                    + " nip_status varchar(50), nama_status varchar(50)" + db.charsetClause() + ","
                    + " keterangan varchar(200), updated_at timestamp null)");
        }
        // 25 rows, five per timestamp; batches of 4 split every group of equal timestamps
        insert(db, table, prefix, 1, 25, LocalDateTime.of(2026, 11, 2, 8, 0));
        SqlSourceSpec spec = spec(db, table);

        String summary = poller.poll(spec);
        // every third row has no keterangan, which IZINSTATUS requires: rejected with the reason, not lost
        assertThat(summary).contains("25 rows", "17 accepted", "8 rejected");
        assertThat(poller.poll(spec)).contains("0 rows");

        // the table was renamed: the poll fails with a reason, health says so, the position stays
        String source = "it-feed:" + table;
        var before = positions.find(source).orElseThrow();
        String failed = poller.poll(new SqlSourceSpec("it-feed", null, db.url(), db.user(), "",
                "select * from " + table + "_renamed", "updated_at", "row_id", table, 4, 100, null));
        assertThat(failed).contains("poll failed");
        assertThat(health.statuses().get(source).ok()).isFalse();
        assertThat(health.statuses().get(source).detail()).containsIgnoringCase(table + "_renamed");
        assertThat(positions.find(source)).contains(before);

        // new rows, one of them sharing the last timestamp: exactly the new ones are read
        insert(db, table, prefix, 26, 28, LocalDateTime.of(2026, 11, 2, 8, 0).plusMinutes(4));
        assertThat(poller.poll(spec)).contains("3 rows", "2 accepted", "1 rejected");
        assertThat(health.statuses().get(source).ok()).isTrue();

        await().atMost(Duration.ofSeconds(30)).until(() -> accepted(prefix).size() == 19);
        List<String> ids = accepted(prefix);
        assertThat(ids).doesNotHaveDuplicates();
        JsonNode one = firstCall(prefix + "-1");
        assertThat(one.path("kd_izin").asText()).isEqualTo("I-012345"); // CHAR(12) padding trimmed
        assertThat(one.path("nama_status").asText()).isEqualTo("Café € Petugas");
    }

    @org.junit.jupiter.api.Test
    void rowsYoungerThanTheSettleTimeWaitForALaterPoll() throws Exception {
        Legacy db = Legacy.of("h2");
        String table = "izin_settle";
        String prefix = "ST" + UUID.randomUUID().toString().substring(0, 6);
        try (Connection c = LegacyDatabases.connect(db.url(), db.user()); Statement s = c.createStatement()) {
            s.execute("create table " + table + " (row_id int primary key, id_izin varchar(25), nib char(13),"
                    + " id_produk varchar(25), id_proyek varchar(25), oss_id varchar(25), kd_izin char(12),"
                    + " kd_instansi varchar(3), kd_status varchar(2), tgl_status varchar(19),"
                    + " nip_status varchar(50), nama_status varchar(50), keterangan varchar(200), updated_at timestamp)");
        }
        LocalDateTime wita = LocalDateTime.now(java.time.ZoneId.of("Asia/Makassar"));
        insert(db, table, prefix, 1, 1, wita.minusMinutes(5)); // settled
        insert(db, table, prefix, 2, 2, wita.minusMinutes(5));
        SqlSourceSpec settled = new SqlSourceSpec("it-feed", null, db.url(), db.user(), "", "select * from " + table,
                "updated_at", "row_id", table, 10, 1, Duration.ofMinutes(1));
        assertThat(poller.poll(settled)).contains("2 rows");
        // a row "committed late" carrying a timestamp just now: not read until it is a minute old
        insert(db, table, prefix, 4, 4, wita);
        assertThat(poller.poll(settled)).contains("0 rows");
        SqlSourceSpec later = new SqlSourceSpec("it-feed", null, db.url(), db.user(), "", "select * from " + table,
                "updated_at", "row_id", table, 10, 1, Duration.ZERO);
        assertThat(poller.poll(later)).contains("1 rows");
    }

    private SqlSourceSpec spec(Legacy db, String table) {
        return new SqlSourceSpec("it-feed", null, db.url(), db.user(), "", "select * from " + table,
                "updated_at", "row_id", table, 4, 100, null);
    }

    private static void insert(Legacy db, String table, String prefix, int from, int to, LocalDateTime base)
            throws Exception {
        try (Connection c = LegacyDatabases.connect(db.url(), db.user());
             PreparedStatement ps = c.prepareStatement("insert into " + table + " values (?, ?, ?, ?, ?, ?, ?, ?, ?,"
                     + " ?, ?, ?, ?, ?)")) {
            for (int i = from; i <= to; i++) {
                ps.setInt(1, i);
                ps.setString(2, prefix + "-" + i);
                ps.setString(3, "9120301234567");
                ps.setString(4, "P-" + i);
                ps.setString(5, "R-2026000001");
                ps.setString(6, "OSS0000000001");
                ps.setString(7, "I-012345");
                ps.setString(8, "001");
                ps.setString(9, "20");
                ps.setString(10, "2026-11-02 10:00:00");
                ps.setString(11, "198001012005011001");
                ps.setString(12, "Café € Petugas");
                ps.setString(13, i % 3 == 0 ? null : "catatan " + i);
                ps.setTimestamp(14, Timestamp.valueOf(from == 1 ? base.plusMinutes((i - 1) / 5) : base));
                ps.executeUpdate();
            }
        }
    }

    private List<String> accepted(String prefix) {
        List<String> ids = new ArrayList<>();
        for (JsonNode call : GatewayTestSupport.get(port, "/oss-sim/_calls?method=receiveLicenseStatus")) {
            String id = call.path("body").path("IZINSTATUS").path("id_izin").asText();
            if (id.startsWith(prefix + "-") && call.path("reply").path("status").asInt() == 200) {
                ids.add(id);
            }
        }
        return ids;
    }

    private JsonNode firstCall(String idIzin) {
        for (JsonNode call : GatewayTestSupport.get(port, "/oss-sim/_calls?method=receiveLicenseStatus")) {
            if (call.path("body").path("IZINSTATUS").path("id_izin").asText().equals(idIzin)) {
                return call.path("body").path("IZINSTATUS");
            }
        }
        throw new AssertionError("no call for " + idIzin);
    }
}
