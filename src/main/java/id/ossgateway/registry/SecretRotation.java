package id.ossgateway.registry;

import id.ossgateway.audit.AuditLog;
import id.ossgateway.secret.SealedColumns;
import id.ossgateway.security.Caller;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Re-seals every stored credential with the current master key. The rotation: put the new key in
 * {@code GATEWAY_MASTER_KEY} and the old one in {@code gateway.secrets.previous-keys}, restart, call
 * {@code POST /api/v1/admin/secrets/rotate}, then remove the old key. Each system is re-sealed in its own
 * transaction, so an interruption leaves every row readable with one of the two keys. Sealed personal data
 * ({@link SealedColumns}: reject records, journal documents, mapping samples) is re-sealed after the credentials.
 */
@RestController
class SecretRotation {

    private final JdbcTemplate jdbc;
    private final SystemSecrets secrets;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final SealedColumns records;

    SecretRotation(JdbcTemplate jdbc, SystemSecrets secrets, AuditLog audit, TransactionTemplate tx,
                   SealedColumns records) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.audit = audit;
        this.tx = tx;
        this.records = records;
    }

    /** @return how many systems were re-sealed and how many were current already */
    int[] rotate(String actor) {
        int[] counts = new int[2];
        jdbc.query("select id, secrets from opd_system where secrets is not null", rs -> {
            String id = rs.getString(1);
            String sealed = rs.getString(2);
            if (secrets.isCurrent(sealed)) {
                counts[1]++;
                return;
            }
            String resealed = secrets.seal(id, secrets.open(id, sealed));
            tx.executeWithoutResult(t -> {
                jdbc.update("update opd_system set secrets = ? where id = ? and secrets = ?", resealed, id, sealed);
                audit.record(actor, "system.secrets-resealed", Registry.target(id), "sealed with the current master key");
            });
            counts[0]++;
        });
        return counts;
    }

    @PostMapping("/api/v1/admin/secrets/rotate")
    ResponseEntity<Map<String, Integer>> rotate() {
        String actor = Caller.current().username();
        int[] counts = rotate(actor);
        // personal data at rest (reject records, journal documents, samples) is sealed with the same key
        int rows = records.reseal();
        audit.record(actor, "records.resealed", "secrets", rows + " rows sealed with the current master key");
        return ResponseEntity.ok(Map.of("resealed", counts[0], "alreadyCurrent", counts[1], "recordsResealed", rows));
    }
}
