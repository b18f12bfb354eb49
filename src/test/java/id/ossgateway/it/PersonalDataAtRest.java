package id.ossgateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.ossgateway.envelope.SourceRef;
import id.ossgateway.source.Ingest;
import id.ossgateway.source.IngestResult;
import id.ossgateway.source.RejectStore;
import id.ossgateway.source.SourceRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A test run with personal data in it, for the at-rest scans: records whose NIK, phone number and e-mail address
 * travel in the document (free text) and in extra source columns, some delivered, some rejected; then every
 * stored value must be sealed, and the gateway must still read them back.
 */
final class PersonalDataAtRest {

    /** NIKs (16 digits), a phone number and an e-mail address, unique to this run so a match is ours. */
    final List<String> secrets = new ArrayList<>();
    private final String run = String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits()) % 1_000_000);

    /** Hands over accepted and rejected records with personal data; waits until the accepted ones are delivered. */
    void run(Ingest ingest, int port) {
        List<SourceRecord> records = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String nik = "3271" + String.format("%06d", Integer.parseInt(run)) + String.format("%06d", i);
            String phone = "0812" + String.format("%06d", Integer.parseInt(run)) + i + "9";
            String email = "pemohon" + run + i + "@dinkes.example.go.id";
            secrets.addAll(List.of(nik, phone, email));
            SourceRecord status = Records.status("PDR" + run + "-" + i, i % 2 == 0 ? "10" : "77", "2026-11-02 10:00:00");
            Map<String, Object> fields = new LinkedHashMap<>(status.fields());
            fields.put("keterangan", "NIK pemohon " + nik + ", HP " + phone + ", " + email);
            fields.put("nik_pemohon", nik);
            records.add(new SourceRecord(SourceRef.row("pdr", run + "/" + i), fields));
        }
        IngestResult result = ingest.accept("it-feed", records);
        assertThat(result.accepted()).isEqualTo(2);
        assertThat(result.rejected()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(30)).until(() -> DropFiles.delivered(port, "PDR" + run).size() == 2);
    }

    /** The gateway reads its sealed rows back: the rejects' records and the journal's documents. */
    void readsBack(JdbcTemplate jdbc, RejectStore rejects, id.ossgateway.journal.MessageJournal journal) {
        for (String id : jdbc.queryForList("select reject_id from reject where source_ref like ?", String.class,
                "sql_row:pdr#" + run + "/%")) {
            assertThat(rejects.find(id).orElseThrow().record()).contains("3271" + String.format("%06d", Integer.parseInt(run)));
        }
        for (String id : jdbc.queryForList("select message_id from message where source_ref like ?", String.class,
                "sql_row:pdr#" + run + "/%")) {
            assertThat(journal.envelope(id).orElseThrow().document().toString()).contains("NIK pemohon 3271");
        }
    }
}
