package id.ossgateway.mapping.version;

import id.ossgateway.mapping.MappingColumns;
import id.ossgateway.mapping.SampleRows;
import id.ossgateway.secret.SealedText;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The sample rows a system's mapping is previewed on while it is edited, and checked against (their columns):
 * shipped with the mapping in {@code mappings/samples/}, or pasted once (CSV or JSON, at most {@link SampleRows#MAX} rows), kept sealed in the state database, since
 * real rows carry NIK, phone numbers and e-mail addresses.
 */
@Repository
public class MappingSamples {

    private final JdbcTemplate jdbc;
    private final SealedText sealed;
    private final Clock clock;
    private final java.nio.file.Path shipped;

    MappingSamples(JdbcTemplate jdbc, SealedText sealed, Clock clock, id.ossgateway.GatewayProperties gateway) {
        this.jdbc = jdbc;
        this.sealed = sealed;
        this.clock = clock;
        this.shipped = gateway.mappingsDir().resolve("samples");
    }

    /** The saved sample rows, else those shipped with the mapping ({@code mappings/samples/<system>.csv}). */
    public Optional<String> text(String system) {
        Optional<String> saved = jdbc.queryForList("select sample from mapping_sample where system_id = ?",
                String.class, system).stream().findFirst().map(s -> sealed.open(s, boundTo(system)));
        if (saved.isPresent() || !system.matches("[a-z0-9][a-z0-9.-]{0,79}")) {
            return saved;
        }
        java.nio.file.Path file = shipped.resolve(system + ".csv");
        try {
            return java.nio.file.Files.isRegularFile(file)
                    ? Optional.of(java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.UTF_8))
                    : Optional.empty();
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }

    /** @throws IllegalArgumentException when the sample cannot be read as rows */
    public void save(String system, String sample, String by) {
        SampleRows.parse(sample);
        String stored = sealed.seal(sample, boundTo(system));
        Timestamp now = Timestamp.from(clock.instant());
        if (jdbc.update("update mapping_sample set sample = ?, updated_by = ?, updated_at = ? where system_id = ?",
                stored, by, now, system) == 0) {
            jdbc.update("insert into mapping_sample (system_id, sample, updated_by, updated_at) values (?, ?, ?, ?)",
                    system, stored, by, now);
        }
    }

    /** The columns of the stored sample, if there is one that reads. */
    public Optional<List<String>> columns(String system) {
        try {
            return text(system).map(t -> MappingColumns.of(SampleRows.parse(t).stream().map(SampleRows.Row::fields)
                    .toList()));
        } catch (IllegalArgumentException unreadable) {
            return Optional.empty();
        }
    }

    static String boundTo(String system) {
        return "mapping-sample:" + system;
    }
}
