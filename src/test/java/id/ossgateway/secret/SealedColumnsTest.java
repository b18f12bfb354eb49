package id.ossgateway.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Personal data at rest on the real schema (H2): clear rows are sealed, a rotation re-seals, nothing is lost. */
class SealedColumnsTest {

    private static final String NIK = "3271014509870001";

    private final DriverManagerDataSource db = new DriverManagerDataSource(
            "jdbc:h2:mem:sealed_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    private final JdbcTemplate jdbc = new JdbcTemplate(db);
    private final byte[] oldKey = key();
    private final byte[] newKey = key();

    @Test
    void aRejectStoredInClearBeforeSealingIsSealedAtStartAndStillReads() {
        migrate();
        insertReject("r-1", "{\"nik_pemohon\":\"" + NIK + "\"}");
        SealedText text = new SealedText(new SecretBox(oldKey, List.of()));

        new SealedColumns(jdbc, text).sealClearRows();

        String stored = record("r-1");
        assertThat(stored).startsWith("sealed:").doesNotContain(NIK);
        assertThat(text.open(stored, "reject:r-1")).contains(NIK);
    }

    @Test
    void aRotationResealsWithTheNewKeySoTheOldOneCanGo() {
        migrate();
        SealedText before = new SealedText(new SecretBox(oldKey, List.of()));
        insertReject("r-2", before.seal("{\"nik\":\"" + NIK + "\"}", "reject:r-2"));
        SealedText during = new SealedText(new SecretBox(newKey, List.of(oldKey)));

        assertThat(new SealedColumns(jdbc, during).reseal()).isEqualTo(1);
        assertThat(new SealedColumns(jdbc, during).reseal()).isZero();

        SealedText after = new SealedText(new SecretBox(newKey, List.of()));
        assertThat(after.open(record("r-2"), "reject:r-2")).contains(NIK);
    }

    @Test
    void aSealedValueCopiedOntoAnotherRowDoesNotOpen() {
        SealedText text = new SealedText(new SecretBox(oldKey, List.of()));
        String sealed = text.seal(NIK, "reject:a");
        assertThatThrownBy(() -> text.open(sealed, "reject:b")).isInstanceOf(IllegalStateException.class);
    }

    private void migrate() {
        Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();
    }

    private void insertReject(String id, String record) {
        jdbc.update("insert into reject (reject_id, system_id, source_ref, record, reasons, created_at, status)"
                + " values (?, 'dinkes', 'file_line:a.csv:2', ?, '[]', ?, 'OPEN')", id, record,
                Timestamp.from(Instant.now()));
    }

    private String record(String id) {
        return jdbc.queryForObject("select record from reject where reject_id = ?", String.class, id);
    }

    private static byte[] key() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return k;
    }
}
