package id.ossgateway.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import id.ossgateway.pia.PiaSchemas;
import id.ossgateway.pia.Violation;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Mappings, records and result checks shared by the mapper tests. */
final class MappingFixtures {

    static final ZoneId WITA = ZoneId.of("Asia/Makassar");
    static final Path DEMO = Path.of("mappings/demo-perizinan.yaml");

    /** Every required IZINSTATUS field, filled from the source column of the same name. */
    private static final List<String> STATUS_FIELDS = List.of("nib", "id_produk", "id_proyek", "oss_id", "id_izin",
            "kd_izin", "kd_instansi", "kd_status", "tgl_status", "nip_status", "nama_status", "keterangan");

    private MappingFixtures() {
    }

    /** The mapper with the status codes of Lampiran 10 exactly as published. */
    static Mapper mapper() {
        return new Mapper(PiaSchemas.published(), WITA);
    }

    static Mapping demo() {
        return MappingLoader.load(DEMO);
    }

    /**
     * A receiveLicenseStatus mapping whose fields pass through from same-named columns, except those given
     * as {@code target, yaml spec} pairs, which replace or add to them.
     */
    static Mapping statusMapping(String... targetSpecPairs) {
        Map<String, String> fields = new LinkedHashMap<>();
        STATUS_FIELDS.forEach(f -> fields.put(f, f));
        for (int i = 0; i < targetSpecPairs.length; i += 2) {
            fields.put(targetSpecPairs[i], targetSpecPairs[i + 1]);
        }
        StringBuilder yaml = new StringBuilder("""
                system: test-opd
                opd: DPMPTSP-TEST
                routing:
                  - method: receiveLicenseStatus
                documents:
                  receiveLicenseStatus:
                """);
        fields.forEach((target, spec) -> yaml.append("    ").append(target).append(": ").append(spec).append('\n'));
        yaml.append("""
                lookups:
                  status:
                    BERKAS DITERIMA: "09"
                    BERKAS LENGKAP: "10"
                    DITOLAK: "90"
                """);
        return MappingLoader.parse(Path.of("mappings/test-opd.yaml"), yaml.toString());
    }

    /** A source row that {@link #statusMapping} turns into a valid IZINSTATUS; mutable, to spoil one field. */
    static Map<String, Object> statusRow() {
        Map<String, Object> row = new HashMap<>();
        row.put("nib", "8120000000001");
        row.put("id_produk", "P-0001");
        row.put("id_proyek", "R-0001");
        row.put("oss_id", "OSS-0001");
        row.put("id_izin", "I-012301");
        row.put("kd_izin", "033000000001");
        row.put("kd_instansi", "001");
        row.put("kd_status", "10");
        row.put("tgl_status", "2026-03-05 14:30:00");
        row.put("nip_status", "198001012005011001");
        row.put("nama_status", "Siti Rahma");
        row.put("keterangan", "berkas lengkap");
        return row;
    }

    /** A row of the demo OPD's permohonan_izin table, as the SQL source reads it. */
    static Map<String, Object> demoRow(String status) {
        Map<String, Object> row = new HashMap<>();
        row.put("no_permohonan", "PRM-2026-0001");
        row.put("id_izin", "I-20260305143000001"); // OSS's permit id, received with the NIB push
        row.put("nib", "8120000000001");
        row.put("id_produk", "P-0001");
        row.put("id_proyek", "R-0001");
        row.put("oss_id", "P-0001");
        row.put("kd_izin", "033000000001"); // char(12)
        row.put("status", status);
        row.put("tgl_update", "05/03/2026 14:30");
        row.put("nip_petugas", "198001012005011001");
        row.put("nama_petugas", "Siti Rahma");
        row.put("catatan", "status " + status.toLowerCase());
        row.put("masa_berlaku_tahun", 5);
        return row;
    }

    /** The document's wrapper object (IZINSTATUS or IZINFINAL), failing with the violations if rejected. */
    static ObjectNode mapped(Mapping mapping, Map<String, Object> row) {
        MappingResult result = mapper().apply(mapping, row);
        assertThat(result).as("result of %s", row).isInstanceOf(MappingResult.Mapped.class);
        MappingResult.Mapped m = (MappingResult.Mapped) result;
        return (ObjectNode) m.document().get(m.method().wrapper());
    }

    static List<Violation> rejected(Mapping mapping, Map<String, Object> row) {
        MappingResult result = mapper().apply(mapping, row);
        assertThat(result).as("result of %s", row).isInstanceOf(MappingResult.Rejected.class);
        return ((MappingResult.Rejected) result).reasons();
    }
}
