package id.ossgateway.registry;

import static org.assertj.core.api.Assertions.assertThat;

import id.ossgateway.audit.AuditLog;
import id.ossgateway.secret.SealedColumns;
import id.ossgateway.secret.SealedText;
import id.ossgateway.secret.SecretBox;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** The key rotation on the real schema (H2): every credential re-sealed under the new key, none lost. */
class SecretRotationTest {

    private final DriverManagerDataSource db = new DriverManagerDataSource(
            "jdbc:h2:mem:rotation_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    private final JdbcTemplate jdbc = new JdbcTemplate(db);
    private final byte[] oldKey = key();
    private final byte[] newKey = key();

    @Test
    void everyCredentialIsResealedWithTheNewKeyAndStillOpens() {
        Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();
        SystemSecrets before = new SystemSecrets(new SecretBox(oldKey, List.of()));
        jdbc.update("insert into opd (code, name, created_at) values ('dinkes', 'Dinas Kesehatan', ?)", now());
        for (String id : List.of("a", "b")) {
            jdbc.update("insert into opd_system (id, opd_code, name, kind, state, settings, secrets, schedule_ms, version,"
                    + " created_at, updated_at, updated_by) values (?, 'dinkes', ?, 'SQL', 'ACTIVE', '{}', ?, 60000, 0, ?, ?,"
                    + " 'admin')", id, id, before.seal(id, Map.of("password", "pw-" + id)), now(), now());
        }
        SystemSecrets after = new SystemSecrets(new SecretBox(newKey, List.of(oldKey)));
        SecretRotation rotation = new SecretRotation(jdbc, after, new AuditLog(jdbc, Clock.systemUTC()),
                new TransactionTemplate(new DataSourceTransactionManager(db)),
                new SealedColumns(jdbc, new SealedText(new SecretBox(newKey, List.of(oldKey)))));

        assertThat(rotation.rotate("admin")).containsExactly(2, 0);
        assertThat(rotation.rotate("admin")).containsExactly(0, 2);
        SystemSecrets newOnly = new SystemSecrets(new SecretBox(newKey, List.of()));
        for (String id : List.of("a", "b")) {
            String sealed = jdbc.queryForObject("select secrets from opd_system where id = ?", String.class, id);
            assertThat(newOnly.open(id, sealed)).containsEntry("password", "pw-" + id);
        }
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'system.secrets-resealed'",
                Integer.class)).isEqualTo(2);
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }

    private static byte[] key() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return k;
    }
}
