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

import id.ossgateway.pia.PiaMethod;
import id.ossgateway.pia.PiaSchemas;
import id.ossgateway.pia.Violation;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Records a legacy system really produces, and some it should not: every one ends as Mapped or as
 * Rejected with violations that name the field, never as an exception, and never quoting personal data.
 */
class MapperHostileInputTest {

    private static final Mapping PASS_THROUGH = statusMapping();

    // --- values of another Java type than text ---

    static Stream<Arguments> nonTextValuesThatAreCoerced() {
        return Stream.of(
                Arguments.of("nib", 8120000000001L, "8120000000001"),
                Arguments.of("nib", new BigDecimal("8120000000001"), "8120000000001"),
                Arguments.of("nib", new BigDecimal("8120000000001.000"), "8120000000001"),
                Arguments.of("nib", 8.120000000001E12, "8120000000001"),
                Arguments.of("kd_status", 10, "10"),
                Arguments.of("kd_instansi", 1, "1"),
                Arguments.of("nama_status", Boolean.TRUE, "true"),
                Arguments.of("nip_status", new BigDecimal("198001012005011001"), "198001012005011001"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("nonTextValuesThatAreCoerced")
    void numberWhereTextIsExpectedBecomesItsPlainText(String column, Object value, String expected) {
        Map<String, Object> row = statusRow();
        row.put(column, value);

        assertThat(mapped(PASS_THROUGH, row).get(column).asText()).isEqualTo(expected);
    }

    @Test
    void numericStatusLosesItsLeadingZeroAndIsRejectedUnlessPadded() {
        Map<String, Object> row = statusRow();
        row.put("kd_status", 9); // "09" kept in an int column

        assertThat(rejected(PASS_THROUGH, row)).extracting(Violation::field, Violation::rule)
                .containsExactly(tuple("kd_status", "enum"));
        assertThat(mapped(statusMapping("kd_status", "{ source: kd_status, pad: 2 }"), row).get("kd_status").asText())
                .isEqualTo("09");
    }

    @Test
    void binaryColumnIsRejectedNotSentAsAnObjectReference() {
        // a BLOB/BINARY column comes from JDBC as byte[]; its toString() is "[B@1b6d3586"
        Map<String, Object> row = statusRow();
        row.put("nama_status", "Siti Rahma".getBytes(StandardCharsets.UTF_8));

        MappingResult result = mapper().apply(PASS_THROUGH, row);

        assertThat(result).isInstanceOf(MappingResult.Rejected.class);
        assertThat(((MappingResult.Rejected) result).reasons()).extracting(Violation::field).contains("nama_status");
    }

    @Test
    void hugeDoubleKeepsItsDigits() {
        // a FLOAT column or a JSON number beyond Long.MAX_VALUE (9.2e18); data_pnbp.nominal allows 20 digits
        Map<String, Object> row = statusRow();
        row.put("nominal", 1.0E19);

        assertThat(mapped(statusMapping("data_pnbp.nominal", "{ source: nominal, type: number }"), row)
                .get("data_pnbp").get("nominal").decimalValue()).isEqualByComparingTo("10000000000000000000");
    }

    @ParameterizedTest(name = "persetujuan_form = {0}")
    @ValueSource(strings = {"mungkin", "2", "benar"})
    void textThatIsNoBooleanIsRejectedNotSentAsFalse(String legacy) {
        Map<String, Object> row = statusRow();
        row.put("setuju", legacy);

        assertThat(rejected(statusMapping("persetujuan_form", "{ source: setuju, type: boolean }"), row))
                .extracting(Violation::field, Violation::rule).containsExactly(tuple("persetujuan_form", "type"));
    }

    // --- overlong text ---

    static Stream<Arguments> overlongValues() {
        return Stream.of(
                Arguments.of("kd_izin", "0330000000012", 13, 12),
                Arguments.of("kd_instansi", "0001", 4, 3),
                Arguments.of("id_produk", "P".repeat(26), 26, 25),
                Arguments.of("nama_status", "Siti Rahma binti Abdullah Muhammad Yusuf Al Banjari", 51, 50),
                Arguments.of("nip_status", "1".repeat(51), 51, 50));
    }

    @ParameterizedTest(name = "{0}: {2} characters")
    @MethodSource("overlongValues")
    void overlongTextIsRejectedWithItsLengthAndLimit(String column, String value, int length, int limit) {
        Map<String, Object> row = statusRow();
        row.put(column, value);

        assertThat(rejected(PASS_THROUGH, row)).containsExactly(new Violation(column, "maxLength",
                "is " + length + " characters, at most " + limit + " allowed"));
    }

    @Test
    void trailingCharPaddingDoesNotCountTowardsTheLimit() {
        Map<String, Object> row = statusRow();
        row.put("kd_izin", "033000000001" + " ".repeat(28)); // char(40) column

        assertThat(mapped(PASS_THROUGH, row).get("kd_izin").asText()).isEqualTo("033000000001");
    }

    // --- scripts, emoji, SQL: text is text ---

    @ParameterizedTest(name = "nama_status = {0}")
    @ValueSource(strings = {
            "سيتي رحمة",                    // Arabic
            "张伟",                           // Chinese
            "Ñoño Müller-Łukasiewicz",      // Latin with diacritics
            "Siti Rahma 🙂👍",               // emoji (surrogate pairs)
            "'; DROP TABLE x; --",          // SQL-looking text is just data
            "<script>alert(1)</script>",
            "Robert\"); DELETE FROM izin; --"})
    void anyScriptWithinTheLimitIsAcceptedVerbatim(String name) {
        Map<String, Object> row = statusRow();
        row.put("nama_status", name);

        assertThat(mapped(PASS_THROUGH, row).get("nama_status").asText()).isEqualTo(name);
    }

    @Test
    void fiftyEmojiAreFiftyCharacters() {
        // String(50) counts characters (code points) as JSON Schema does, not UTF-16 units
        Map<String, Object> row = statusRow();
        row.put("nama_status", "🙂".repeat(50));

        assertThat(mapped(PASS_THROUGH, row).get("nama_status").asText()).isEqualTo("🙂".repeat(50));
    }

    @Test
    void fiftyOneEmojiAreReportedAsFiftyOneCharacters() {
        Map<String, Object> row = statusRow();
        row.put("nama_status", "🙂".repeat(51));

        assertThat(rejected(PASS_THROUGH, row)).containsExactly(
                new Violation("nama_status", "maxLength", "is 51 characters, at most 50 allowed"));
    }

    @Test
    void sqlLookingTextPassesThroughEveryField() {
        Map<String, Object> row = statusRow();
        row.put("keterangan", "x'); DROP TABLE permohonan_izin; --");
        row.put("id_izin", "1 OR 1=1");

        assertThat(mapped(PASS_THROUGH, row).get("keterangan").asText())
                .isEqualTo("x'); DROP TABLE permohonan_izin; --");
    }

    // --- dates, identifiers, codes ---

    @ParameterizedTest(name = "tgl_update = {0}")
    @ValueSource(strings = {"31/02/2026 10:00", "29/02/2025 10:00", "05/13/2026 10:00", "05/03/2026 24:30",
            "5/3/26 10:00", "kemarin"})
    void impossibleLegacyDateIsRejectedByTheDateRule(String legacy) {
        Map<String, Object> row = demoRow("BERKAS LENGKAP");
        row.put("tgl_update", legacy);

        assertThat(rejected(demo(), row)).containsExactly(
                new Violation("tgl_status", "date", "is not a real date in dd/MM/yyyy HH:mm"));
    }

    @Test
    void impossibleDateThatIsAlreadyInPiaShapeIsRejectedByTheSchema() {
        Map<String, Object> row = statusRow();
        row.put("tgl_status", "2026-02-31 10:00:00");

        assertThat(rejected(PASS_THROUGH, row)).extracting(Violation::field, Violation::rule)
                .containsExactly(tuple("tgl_status", "format"));
    }

    @Test
    void nikInTheNibFieldIsAPatternViolationOnNib() {
        Map<String, Object> row = statusRow();
        row.put("nib", "3201011501900001"); // a 16-digit NIK, not a 13-digit NIB

        List<Violation> reasons = rejected(PASS_THROUGH, row);

        assertThat(reasons).extracting(Violation::field).containsOnly("nib");
        assertThat(reasons).contains(new Violation("nib", "pattern", "must be NIB: 13 digits"));
    }

    @ParameterizedTest(name = "nib = {0}")
    @ValueSource(strings = {"812000000000", "81200000000012", "812O000000001", "8120 00000001", "８１２００００００００００１"})
    void nibThatIsNotThirteenAsciiDigitsIsRejected(String nib) {
        Map<String, Object> row = statusRow();
        row.put("nib", nib);

        assertThat(rejected(PASS_THROUGH, row)).extracting(Violation::field, Violation::rule)
                .contains(tuple("nib", "pattern"));
    }

    @Test
    void schemasOfTheDeliveredDocumentsHaveNoNpwp() {
        // the brief asked for NPWP rules "if the schema has npwp": it has not, for none of the three documents
        for (PiaMethod method : List.of(PiaMethod.RECEIVE_LICENSE_STATUS, PiaMethod.RECEIVE_LICENSE,
                PiaMethod.UPDATE_LICENSE)) {
            assertThat(PiaSchemas.fieldNames(method)).noneMatch(f -> f.contains("npwp"));
        }
    }

    @ParameterizedTest(name = "kd_status = {0}")
    @ValueSource(strings = {"99", "00", "9", "1O", "A"})
    void statusCodeOutsideLampiran10IsAnEnumViolation(String code) {
        Map<String, Object> row = statusRow();
        row.put("kd_status", code);

        List<Violation> reasons = rejected(PASS_THROUGH, row);

        assertThat(reasons).extracting(Violation::field, Violation::rule).containsExactly(tuple("kd_status", "enum"));
        assertThat(reasons.get(0).message()).startsWith("is not an accepted code (05, 09, 10,");
    }

    @Test
    void statusCodesCanBeWidenedByConfiguration() {
        Map<String, Object> row = statusRow();
        row.put("kd_status", "46");
        Mapper widened = new Mapper(PiaSchemas.withStatusCodes(List.of("10", "46")),
                MappingFixtures.WITA);

        assertThat(widened.apply(PASS_THROUGH, row)).isInstanceOf(MappingResult.Mapped.class);
    }

    // --- everything wrong at once ---

    @Test
    void emptyRecordReportsEveryRequiredFieldInOneRejection() {
        MappingResult result = mapper().apply(demo(), new HashMap<>());

        assertThat(result).isInstanceOf(MappingResult.Rejected.class);
        MappingResult.Rejected r = (MappingResult.Rejected) result;
        assertThat(r.method()).isEqualTo(PiaMethod.RECEIVE_LICENSE_STATUS);
        assertThat(r.mappingVersion()).isEqualTo(demo().version());
        // kd_instansi is a constant and keterangan has a default: all the others are missing
        assertThat(r.reasons()).extracting(Violation::field, Violation::rule).containsExactlyInAnyOrder(
                tuple("nib", "required"), tuple("id_produk", "required"), tuple("id_proyek", "required"),
                tuple("oss_id", "required"), tuple("id_izin", "required"), tuple("kd_izin", "required"),
                tuple("kd_status", "required"), tuple("tgl_status", "required"), tuple("nip_status", "required"),
                tuple("nama_status", "required"));
        assertThat(r.reasons()).allSatisfy(v -> assertThat(v.message()).isEqualTo("is required"));
    }

    @Test
    void recordOfBlanksIsTheSameAsAnEmptyRecord() {
        Map<String, Object> row = new HashMap<>();
        statusRow().keySet().forEach(k -> row.put(k, "   "));

        assertThat(rejected(PASS_THROUGH, row)).hasSize(12)
                .allSatisfy(v -> assertThat(v.rule()).isEqualTo("required"));
    }

    @Test
    void severalBrokenFieldsAreAllReported() {
        Map<String, Object> row = demoRow("DIARSIPKAN");
        row.put("tgl_update", "31/02/2026 10:00");
        row.put("nib", "3201011501900001");
        row.put("kd_izin", "0330000000012");

        assertThat(rejected(demo(), row)).extracting(Violation::field, Violation::rule).contains(
                tuple("kd_status", "lookup"), tuple("tgl_status", "date"), tuple("nib", "pattern"),
                tuple("kd_izin", "maxLength"));
    }

    // --- personal data does not leak into violation messages ---

    static Stream<String> badNibs() {
        return Stream.of("3201011501900001", "812O000000001", "81200000000012345678901234567890",
                "'; DROP TABLE x; --", "8120000000001🙂");
    }

    @ParameterizedTest(name = "nib = {0}")
    @MethodSource("badNibs")
    void violationsNeverQuoteTheNib(String nib) {
        Map<String, Object> row = statusRow();
        row.put("nib", nib);

        List<Violation> reasons = rejected(PASS_THROUGH, row);

        assertThat(reasons).extracting(Violation::field).contains("nib");
        assertNoViolationQuotes(reasons, nib);
    }

    @ParameterizedTest(name = "nib = {0}")
    @MethodSource("badNibs")
    void violationsOfAComputedNibNeverQuoteIt(String nib) {
        // a mapping that reads the NIB as a number (to drop a spreadsheet's ".0") fails on non-digits
        Mapping mapping = statusMapping("nib", "{ expr: \"$string($number(nib))\" }");
        Map<String, Object> row = statusRow();
        row.put("nib", nib);

        MappingResult result = mapper().apply(mapping, row);

        assertThat(result).isInstanceOf(MappingResult.Rejected.class);
        List<Violation> reasons = ((MappingResult.Rejected) result).reasons();
        assertThat(reasons).extracting(Violation::field).contains("nib");
        assertNoViolationQuotes(reasons, nib);
    }

    @Test
    void failedRoutingConditionDoesNotQuoteTheNib() {
        Mapping mapping = MappingLoader.parse(Path.of("mappings/routed.yaml"), """
                system: test-opd
                opd: DPMPTSP-TEST
                routing:
                  - when: "$number(nib) > 0"
                    method: receiveLicenseStatus
                documents:
                  receiveLicenseStatus:
                    nib: nib
                """);
        Map<String, Object> row = statusRow();
        row.put("nib", "3201-0115-0190-0001");

        MappingResult result = mapper().apply(mapping, row);

        assertThat(result).isInstanceOf(MappingResult.Rejected.class);
        assertNoViolationQuotes(((MappingResult.Rejected) result).reasons(), "3201-0115-0190-0001");
    }

    private static void assertNoViolationQuotes(List<Violation> reasons, String value) {
        assertThat(reasons).allSatisfy(v -> {
            assertThat(v.message()).doesNotContain(value);
            assertThat(v.toString()).doesNotContain(value);
        });
    }
}
