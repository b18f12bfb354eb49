package id.ossgateway.mapping;

import static id.ossgateway.mapping.MappingFixtures.demo;
import static id.ossgateway.mapping.MappingFixtures.demoRow;
import static id.ossgateway.mapping.MappingFixtures.mapped;
import static id.ossgateway.mapping.MappingFixtures.mapper;
import static id.ossgateway.mapping.MappingFixtures.rejected;
import static id.ossgateway.mapping.MappingFixtures.statusMapping;
import static id.ossgateway.mapping.MappingFixtures.statusRow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.ossgateway.pia.PiaMethod;
import id.ossgateway.pia.Violation;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each feature of a mapping file, applied to one source row. */
class MapperTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Nested
    class WhereAValueComesFrom {

        @Test
        void sourceColumn() {
            Map<String, Object> row = statusRow();
            row.put("kode_izin", "033000000099");

            assertThat(field(statusMapping("kd_izin", "{ source: kode_izin }"), row, "kd_izin"))
                    .isEqualTo("033000000099");
        }

        @Test
        void shorthandNamesTheSourceColumn() {
            Map<String, Object> row = statusRow();
            row.put("petugas", "Budi Santoso");

            assertThat(field(statusMapping("nama_status", "petugas"), row, "nama_status")).isEqualTo("Budi Santoso");
        }

        @Test
        void upperCaseColumnNameInTheMappingFindsTheLowerCaseColumn() {
            Map<String, Object> row = statusRow();
            row.put("petugas", "Budi Santoso");

            assertThat(field(statusMapping("nama_status", "PETUGAS"), row, "nama_status")).isEqualTo("Budi Santoso");
        }

        @Test
        void constantValueIgnoresTheRow() {
            Map<String, Object> row = statusRow();
            row.put("kd_instansi", "999");

            assertThat(field(statusMapping("kd_instansi", "{ value: \"001\" }"), row, "kd_instansi")).isEqualTo("001");
        }

        @Test
        void unquotedConstantKeepsItsLeadingZeros() {
            // the loader reads YAML nodes, not resolved scalars: 001 stays the text "001", not the integer 1
            assertThat(field(statusMapping("kd_instansi", "{ value: 001 }"), statusRow(), "kd_instansi"))
                    .isEqualTo("001");
        }

        @Test
        void jsonataExpressionSeesLowerCaseNamesAndStrippedText() {
            Map<String, Object> row = statusRow();
            row.put("STATUS_TEKS", "  Berkas Lengkap  ");

            assertThat(field(statusMapping("keterangan", "{ expr: \"'Status: ' & $lowercase(status_teks)\" }"), row,
                    "keterangan")).isEqualTo("Status: berkas lengkap");
        }

        @Test
        void jsonataNumberResultBecomesPlainText() {
            Map<String, Object> row = statusRow();
            row.put("urut", new BigDecimal("41"));

            assertThat(field(statusMapping("id_izin", "{ expr: \"'I-' & $string(urut + 1)\" }"), row, "id_izin"))
                    .isEqualTo("I-42");
            assertThat(field(statusMapping("kd_instansi", "{ expr: \"urut + 1\" }"), row, "kd_instansi"))
                    .isEqualTo("42");
        }

        @Test
        void jsonataExpressionYieldingNothingFallsBackToTheDefault() {
            assertThat(field(statusMapping("keterangan", "{ expr: \"tidak_ada\", default: \"-\" }"), statusRow(),
                    "keterangan")).isEqualTo("-");
        }
    }

    @Nested
    class Defaults {

        @ParameterizedTest(name = "catatan = [{0}]")
        @CsvSource(value = {"''", "'   '", "NULL"}, nullValues = "NULL")
        void defaultReplacesABlankOrNullValue(String catatan) {
            Map<String, Object> row = statusRow();
            row.put("catatan", catatan);

            assertThat(field(statusMapping("keterangan", "{ source: catatan, default: \"-\" }"), row, "keterangan"))
                    .isEqualTo("-");
        }

        @Test
        void defaultReplacesAMissingColumn() {
            assertThat(field(statusMapping("keterangan", "{ source: catatan, default: \"-\" }"), statusRow(),
                    "keterangan")).isEqualTo("-");
        }

        @Test
        void defaultAloneIsAConstantFallback() {
            assertThat(field(statusMapping("keterangan", "{ default: \"tidak ada catatan\" }"), statusRow(),
                    "keterangan")).isEqualTo("tidak ada catatan");
        }

        @Test
        void presentValueWinsOverTheDefault() {
            Map<String, Object> row = statusRow();
            row.put("catatan", "ada");

            assertThat(field(statusMapping("keterangan", "{ source: catatan, default: \"-\" }"), row, "keterangan"))
                    .isEqualTo("ada");
        }
    }

    @Nested
    class TextTransformations {

        @Test
        void charPaddedValueIsTrimmedByDefault() {
            Map<String, Object> row = statusRow();
            row.put("kd_izin", "ABC   ");

            assertThat(field(statusMapping(), row, "kd_izin")).isEqualTo("ABC");
        }

        @Test
        void trimCanBeTurnedOff() {
            Map<String, Object> row = statusRow();
            row.put("kd_izin", "ABC   ");

            assertThat(field(statusMapping("kd_izin", "{ source: kd_izin, trim: false }"), row, "kd_izin"))
                    .isEqualTo("ABC   ");
        }

        @Test
        void caseUpperAndLower() {
            Map<String, Object> row = statusRow();
            row.put("nama_status", "Siti Rahma");

            assertThat(field(statusMapping("nama_status", "{ source: nama_status, case: upper }"), row, "nama_status"))
                    .isEqualTo("SITI RAHMA");
            assertThat(field(statusMapping("nama_status", "{ source: nama_status, case: lower }"), row, "nama_status"))
                    .isEqualTo("siti rahma");
        }

        @Test
        void padLeftPadsWithZerosByDefault() {
            Map<String, Object> row = statusRow();
            row.put("kd_instansi", "5");

            assertThat(field(statusMapping("kd_instansi", "{ source: kd_instansi, pad: 3 }"), row, "kd_instansi"))
                    .isEqualTo("005");
        }

        @Test
        void padWorksOnNumbersFromTheDatabaseAndWithAnotherCharacter() {
            Map<String, Object> row = statusRow();
            row.put("kd_instansi", 5);
            row.put("kd_izin", "7");

            assertThat(field(statusMapping("kd_instansi", "{ source: kd_instansi, pad: 3 }"), row, "kd_instansi"))
                    .isEqualTo("005");
            assertThat(field(statusMapping("kd_izin", "{ source: kd_izin, pad: 4, pad_char: X }"), row, "kd_izin"))
                    .isEqualTo("XXX7");
        }

        @Test
        void padLeavesLongerValuesAlone() {
            Map<String, Object> row = statusRow();
            row.put("kd_instansi", "0001");

            List<Violation> reasons = rejected(statusMapping("kd_instansi", "{ source: kd_instansi, pad: 3 }"), row);

            assertThat(reasons).extracting(Violation::field, Violation::rule)
                    .containsExactly(tuple("kd_instansi", "maxLength"));
        }
    }

    @Nested
    class Lookups {

        private final Mapping mapping = statusMapping("kd_status", "{ source: status, lookup: status }");

        @ParameterizedTest(name = "[{0}] -> {1}")
        @CsvSource({"BERKAS LENGKAP, 10", "' berkas lengkap ', 10", "Berkas Diterima, 09", "ditolak, 90"})
        void translatesCaseInsensitivelyAndTrimmed(String status, String code) {
            Map<String, Object> row = statusRow();
            row.put("status", status);

            assertThat(field(mapping, row, "kd_status")).isEqualTo(code);
        }

        @Test
        void unknownValueIsRejectedNamingTheFieldOnce() {
            Map<String, Object> row = statusRow();
            row.put("status", "DIARSIPKAN");

            List<Violation> reasons = rejected(mapping, row);

            // not also "kd_status is required": the mapping already said why it is missing
            assertThat(reasons).containsExactly(
                    new Violation("kd_status", "lookup", "value is not in lookup table 'status'"));
        }

        @Test
        void lookupOfTheDefault() {
            Map<String, Object> row = statusRow();
            row.put("status", "  ");

            assertThat(field(statusMapping("kd_status",
                    "{ source: status, default: berkas diterima, lookup: status }"), row, "kd_status")).isEqualTo("09");
        }
    }

    @Nested
    class NestedJson {

        @Test
        void anExpressionReadsIntoANestedJsonObjectOfAPushedRecord() throws Exception {
            // a JSON push or drop keeps nested objects as JSON; JSONata must navigate them, not fail on them
            Map<String, Object> row = statusRow();
            row.put("petugas", new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree("{\"nama\": \"Siti\", \"unit\": {\"kode\": \"DPM\"}}"));

            assertThat(field(statusMapping("nama_status", "{ expr: \"petugas.nama & ' (' & petugas.unit.kode & ')'\" }"),
                    row, "nama_status")).isEqualTo("Siti (DPM)");
        }
    }

    @Nested
    class Dates {

        @Test
        void legacyDateTimeBecomesPiaDateTime() {
            Map<String, Object> row = statusRow();
            row.put("tgl_update", "05/03/2026 14:30");

            assertThat(field(statusMapping("tgl_status", "{ source: tgl_update, date: \"dd/MM/yyyy HH:mm\" }"), row,
                    "tgl_status")).isEqualTo("2026-03-05 14:30:00");
        }

        @Test
        void legacyDateBecomesPiaDate() {
            Map<String, Object> row = statusRow();
            row.put("tgl_bayar", "05/03/2026");

            assertThat(pnbp(statusMapping("data_pnbp.tgl_billing", "{ source: tgl_bayar, date: dd/MM/yyyy }"), row)
                    .get("tgl_billing").asText()).isEqualTo("2026-03-05");
        }

        @Test
        void dateOnlySourceGivesMidnightForADateTimeField() {
            Map<String, Object> row = statusRow();
            row.put("tgl_update", "05/03/2026");

            assertThat(field(statusMapping("tgl_status", "{ source: tgl_update, date: dd/MM/yyyy }"), row,
                    "tgl_status")).isEqualTo("2026-03-05 00:00:00");
        }

        @Test
        void jdbcLocalDateTimeAndLocalDateAreConverted() {
            Map<String, Object> row = statusRow();
            row.put("tgl_update", LocalDateTime.of(2026, 3, 5, 14, 30, 15));
            row.put("tgl_bayar", LocalDate.of(2026, 3, 5));
            Mapping mapping = statusMapping(
                    "tgl_status", "{ source: tgl_update, date: \"dd/MM/yyyy HH:mm\" }",
                    "data_pnbp.tgl_billing", "{ source: tgl_bayar, date: dd/MM/yyyy }");

            ObjectNode doc = mapped(mapping, row);

            assertThat(doc.get("tgl_status").asText()).isEqualTo("2026-03-05 14:30:15");
            assertThat(doc.get("data_pnbp").get("tgl_billing").asText()).isEqualTo("2026-03-05");
        }

        @Test
        void jdbcLocalDateTimeNeedsNoPattern() {
            Map<String, Object> row = statusRow();
            row.put("tgl_update", LocalDateTime.of(2026, 3, 5, 14, 30));

            assertThat(field(statusMapping("tgl_status", "{ source: tgl_update, output: datetime }"), row,
                    "tgl_status")).isEqualTo("2026-03-05 14:30:00");
        }

        @Test
        void timestampWithOffsetIsShownInTheLegacyZone() {
            Map<String, Object> row = statusRow();
            row.put("tgl_update", OffsetDateTime.of(2026, 3, 5, 6, 30, 0, 0, ZoneOffset.UTC));

            assertThat(field(statusMapping("tgl_status", "{ source: tgl_update, output: datetime }"), row,
                    "tgl_status")).isEqualTo("2026-03-05 14:30:00");
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
                "05/03/2026 14:30, 2026-03-05 14:30:00",
                "2026-03-05 14:30:59, 2026-03-05 14:30:59",
                "05-03-2026, 2026-03-05 00:00:00"})
        void severalPatternsAreTriedInOrder(String legacy, String pia) {
            Map<String, Object> row = statusRow();
            row.put("tgl_update", legacy);
            Mapping mapping = statusMapping("tgl_status",
                    "{ source: tgl_update, date: [\"dd/MM/yyyy HH:mm\", \"yyyy-MM-dd HH:mm:ss\", \"dd-MM-yyyy\"] }");

            assertThat(field(mapping, row, "tgl_status")).isEqualTo(pia);
        }

        @Test
        void valueInNoPatternIsRejectedAsNoDate() {
            Map<String, Object> row = statusRow();
            row.put("tgl_update", "2026/03/05");
            Mapping mapping = statusMapping("tgl_status",
                    "{ source: tgl_update, date: [\"dd/MM/yyyy HH:mm\", \"dd-MM-yyyy\"] }");

            assertThat(rejected(mapping, row)).containsExactly(new Violation("tgl_status", "date",
                    "is not a real date in dd/MM/yyyy HH:mm or dd-MM-yyyy"));
        }
    }

    @Nested
    class Types {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({"150000, 150000", "'1500,50', 1500.50", "0.5, 0.5", "' 42 ', 42"})
        void numberBecomesAJsonNumber(String legacy, BigDecimal expected) {
            Map<String, Object> row = statusRow();
            row.put("nominal", legacy);

            JsonNode nominal = pnbp(statusMapping("data_pnbp.nominal", "{ source: nominal, type: number }"), row)
                    .get("nominal");

            assertThat(nominal.isNumber()).isTrue();
            assertThat(nominal.decimalValue()).isEqualByComparingTo(expected);
        }

        @Test
        void numberFromTheDatabaseStaysANumber() {
            Map<String, Object> row = statusRow();
            row.put("nominal", new BigDecimal("150000.00"));

            JsonNode nominal = pnbp(statusMapping("data_pnbp.nominal", "{ source: nominal, type: number }"), row)
                    .get("nominal");

            assertThat(nominal.isNumber()).isTrue();
            assertThat(nominal.decimalValue()).isEqualByComparingTo("150000");
        }

        @Test
        void textThatIsNoNumberIsRejected() {
            Map<String, Object> row = statusRow();
            row.put("nominal", "seratus ribu");

            assertThat(rejected(statusMapping("data_pnbp.nominal", "{ source: nominal, type: number }"), row))
                    .containsExactly(new Violation("data_pnbp.nominal", "type", "is not a number"));
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({"Y, true", "y, true", "1, true", "true, true", "TRUE, true", "N, false", "0, false",
                "false, false"})
        void booleanBecomesAJsonBoolean(String legacy, boolean expected) {
            Map<String, Object> row = statusRow();
            row.put("setuju", legacy);

            JsonNode form = mapped(statusMapping("persetujuan_form", "{ source: setuju, type: boolean }"), row)
                    .get("persetujuan_form");

            assertThat(form.isBoolean()).isTrue();
            assertThat(form.booleanValue()).isEqualTo(expected);
        }

        @Test
        void booleanFromTheDatabaseStaysABoolean() {
            Map<String, Object> row = statusRow();
            row.put("setuju", Boolean.TRUE);

            assertThat(mapped(statusMapping("persetujuan_form", "{ source: setuju, type: boolean }"), row)
                    .get("persetujuan_form").booleanValue()).isTrue();
        }
    }

    @Nested
    class NestedTargets {

        @Test
        void dottedTargetsFillOneNestedObject() {
            Map<String, Object> row = statusRow();
            row.put("akun", "425111");
            row.put("billing", "820260305001");
            Mapping mapping = statusMapping(
                    "data_pnbp.kd_akun", "akun",
                    "data_pnbp.kd_billing", "billing",
                    "data_pnbp.kd_penerimaan", "{ value: \"PNBP-01\" }");

            assertThat(pnbp(mapping, row)).isEqualTo(json("""
                    {"kd_akun": "425111", "kd_billing": "820260305001", "kd_penerimaan": "PNBP-01"}"""));
        }

        @Test
        void nestedObjectIsLeftOutWhenAllItsFieldsAreMissing() {
            Mapping mapping = statusMapping("data_pnbp.kd_akun", "akun");

            assertThat(mapped(mapping, statusRow()).has("data_pnbp")).isFalse();
        }
    }

    @Nested
    class Routing {

        @Test
        void demoRowInProgressBecomesAStatusDocument() {
            Map<String, Object> row = demoRow("BERKAS LENGKAP");

            MappingResult result = mapper().apply(demo(), row);

            assertThat(result).isInstanceOf(MappingResult.Mapped.class);
            MappingResult.Mapped m = (MappingResult.Mapped) result;
            assertThat(m.method()).isEqualTo(PiaMethod.RECEIVE_LICENSE_STATUS);
            assertThat(m.mappingVersion()).isEqualTo(demo().version());
            assertThat(m.document()).isEqualTo(json("""
                    {"IZINSTATUS": {
                      "nib": "8120000000001", "id_produk": "P-0001", "id_proyek": "R-0001", "oss_id": "P-0001",
                      "id_izin": "I-20260305143000001", "kd_izin": "033000000001", "kd_instansi": "001",
                      "kd_status": "10", "tgl_status": "2026-03-05 14:30:00", "nip_status": "198001012005011001",
                      "nama_status": "Siti Rahma", "keterangan": "status berkas lengkap"}}"""));
        }

        @Test
        void issuedPermitWithANumberBecomesTheFinalLicence() {
            Map<String, Object> row = demoRow("TERBIT");
            row.put("nomor_izin", "503/0001/DPMPTSP/2026");
            row.put("tgl_terbit", "05/03/2026");

            MappingResult result = mapper().apply(demo(), row);

            assertThat(result).isInstanceOf(MappingResult.Mapped.class);
            assertThat(((MappingResult.Mapped) result).document()).isEqualTo(json("""
                    {"IZINFINAL": {
                      "nib": "8120000000001", "id_proyek": "R-0001", "oss_id": "P-0001", "id_izin": "I-20260305143000001",
                      "kd_izin": "033000000001", "kd_daerah": "5206000000", "nomor_izin": "503/0001/DPMPTSP/2026",
                      "tgl_terbit_izin": "2026-03-05", "tgl_berlaku_izin": "2031-03-05",
                      "nama_ttd": "Kepala DPMPTSP", "nip_ttd": "197501012000031001",
                      "jabatan_ttd": "Kepala Dinas Penanaman Modal dan PTSP", "status_izin": "50",
                      "keterangan": "status terbit"}}"""));
        }

        @Test
        void issuedPermitWithoutANumberFallsThroughToAStatus() {
            Map<String, Object> row = demoRow("TERBIT");

            ObjectNode doc = mapped(demo(), row);

            assertThat(doc.get("kd_status").asText()).isEqualTo("50");
        }

        @Test
        void skipRuleGivesItsReason() {
            MappingResult result = mapper().apply(demo(), demoRow("DRAFT"));

            assertThat(result).isEqualTo(
                    new MappingResult.Skipped("drafts are not reported to OSS", demo().version()));
        }

        @Test
        void firstMatchingRuleWins() {
            Mapping mapping = routed("""
                      - when: "status = 'X'"
                        method: receiveLicenseStatus
                      - when: "status = 'X'"
                        skip: second rule
                      - skip: catch-all
                    """);
            Map<String, Object> row = statusRow();
            row.put("status", "X");

            assertThat(mapper().apply(mapping, row)).isInstanceOf(MappingResult.Mapped.class);
            row.put("status", "Y");
            assertThat(mapper().apply(mapping, row)).isEqualTo(new MappingResult.Skipped("catch-all", mapping.version()));
        }

        @Test
        void noMatchingRuleIsSkipped() {
            Mapping mapping = routed("""
                      - when: "status = 'X'"
                        method: receiveLicenseStatus
                    """);

            assertThat(mapper().apply(mapping, statusRow()))
                    .isEqualTo(new MappingResult.Skipped("no routing rule matches", mapping.version()));
        }

        @Test
        void conditionThatFailsOnTheRowIsARejectionNotAnException() {
            Mapping mapping = routed("""
                      - when: "$number(kd_status) > 5"
                        method: receiveLicenseStatus
                    """);
            Map<String, Object> row = statusRow();
            row.put("kd_status", "sepuluh");

            MappingResult result = mapper().apply(mapping, row);

            assertThat(result).isInstanceOf(MappingResult.Rejected.class);
            assertThat(((MappingResult.Rejected) result).reasons()).singleElement().satisfies(v -> {
                assertThat(v.field()).isEqualTo("routing");
                assertThat(v.rule()).isEqualTo("expression");
            });
        }

        private Mapping routed(String rules) {
            String yaml = "system: test-opd\nopd: DPMPTSP-TEST\nrouting:\n" + rules + """
                    documents:
                      receiveLicenseStatus:
                        nib: nib
                        id_produk: id_produk
                        id_proyek: id_proyek
                        oss_id: oss_id
                        id_izin: id_izin
                        kd_izin: kd_izin
                        kd_instansi: kd_instansi
                        kd_status: kd_status
                        tgl_status: tgl_status
                        nip_status: nip_status
                        nama_status: nama_status
                        keterangan: keterangan
                    """;
            return MappingLoader.parse(Path.of("mappings/routed.yaml"), yaml);
        }
    }

    // --- helpers ---

    private static String field(Mapping mapping, Map<String, Object> row, String target) {
        JsonNode value = mapped(mapping, row).get(target);
        assertThat(value).as(target).isNotNull();
        assertThat(value.isTextual()).as("%s is text", target).isTrue();
        return value.asText();
    }

    private static JsonNode pnbp(Mapping mapping, Map<String, Object> row) {
        return mapped(mapping, row).get("data_pnbp");
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
