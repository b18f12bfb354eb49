package id.ossgateway.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import id.ossgateway.pia.PiaMethod;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The loader refuses a broken mapping file as a whole, naming the file, the 1-based line and the field of
 * the first problem. Each refusal test puts one mistake into an otherwise valid file and checks that the
 * reported line is the line the mistake is on.
 */
class MappingLoaderTest {

    private static final Path FILE = Path.of("mappings/test-opd.yaml");

    /** A small valid mapping; each refusal test breaks exactly one line of it. */
    private static final String VALID = """
            # a comment line, so that line numbers are not trivially 1-based from the top key
            system: test-opd
            opd: DPMPTSP-TEST
            routing:
              - when: "status = 'DRAFT'"
                skip: drafts are not reported
              - method: receiveLicenseStatus
            documents:
              receiveLicenseStatus:
                nib: nib
                kd_status: { source: status, lookup: status }
                tgl_status: { source: tgl_update, date: "dd/MM/yyyy HH:mm" }
                keterangan: { expr: "$uppercase(catatan)" }
            lookups:
              status:
                BERKAS LENGKAP: "10"
            """;

    @Test
    void demoMappingLoads() {
        Mapping demo = MappingLoader.load(Path.of("mappings/demo-perizinan.yaml"));

        assertThat(demo.system()).isEqualTo("demo-perizinan");
        assertThat(demo.opd()).as("normalised: the registry's codes are lower case").isEqualTo("dpmptsp-demo");
        assertThat(demo.version()).matches("demo-perizinan@[0-9a-f]{8}");
        assertThat(demo.rules()).hasSize(3);
        assertThat(demo.rules().get(0).method()).isEqualTo(PiaMethod.RECEIVE_LICENSE);
        assertThat(demo.rules().get(0).line()).isEqualTo(9);
        assertThat(demo.rules().get(1).skip()).isEqualTo("drafts are not reported to OSS");
        assertThat(demo.rules().get(2).when()).isNull();
        assertThat(demo.rules().get(2).method()).isEqualTo(PiaMethod.RECEIVE_LICENSE_STATUS);
        assertThat(demo.documents()).containsOnlyKeys(PiaMethod.RECEIVE_LICENSE_STATUS, PiaMethod.RECEIVE_LICENSE);
        assertThat(targets(demo, PiaMethod.RECEIVE_LICENSE_STATUS)).containsExactly("nib", "id_produk", "id_proyek",
                "oss_id", "id_izin", "kd_izin", "kd_instansi", "kd_status", "tgl_status", "nip_status",
                "nama_status", "keterangan");
        assertThat(targets(demo, PiaMethod.RECEIVE_LICENSE)).hasSize(14).contains("tgl_berlaku_izin");
        assertThat(demo.lookups()).containsOnlyKeys("status");
        assertThat(demo.lookups().get("status")).hasSize(8).containsEntry("BERKAS LENGKAP", "10")
                .containsEntry("DITOLAK", "90");
    }

    @Test
    void fieldSpecsKeepWhatTheFileSays() {
        Mapping demo = MappingLoader.load(Path.of("mappings/demo-perizinan.yaml"));

        FieldSpec nib = spec(demo, PiaMethod.RECEIVE_LICENSE_STATUS, "nib");
        assertThat(nib.source()).isEqualTo("nib");
        assertThat(nib.trim()).isTrue();
        assertThat(nib.type()).isEqualTo("string");
        assertThat(nib.line()).isEqualTo(17);

        FieldSpec tglStatus = spec(demo, PiaMethod.RECEIVE_LICENSE_STATUS, "tgl_status");
        assertThat(tglStatus.dateFormats()).containsExactly("dd/MM/yyyy HH:mm");
        assertThat(tglStatus.dateOutput()).isEqualTo("datetime");

        FieldSpec terbit = spec(demo, PiaMethod.RECEIVE_LICENSE, "tgl_terbit_izin");
        assertThat(terbit.dateOutput()).as("output defaults to date for non-tgl_status fields").isEqualTo("date");
        assertThat(spec(demo, PiaMethod.RECEIVE_LICENSE_STATUS, "kd_instansi").value()).isEqualTo("001");
        assertThat(spec(demo, PiaMethod.RECEIVE_LICENSE_STATUS, "keterangan").defaultValue()).isEqualTo("-");
    }

    @Test
    void itFeedMappingLoads() {
        Mapping feed = MappingLoader.load(Path.of("src/test/resources/it/mappings/it-feed.yaml"));

        assertThat(feed.version()).matches("it-feed@[0-9a-f]{8}");
        assertThat(feed.lookups()).isEmpty();
        assertThat(feed.documents()).containsOnlyKeys(PiaMethod.RECEIVE_LICENSE_STATUS, PiaMethod.RECEIVE_LICENSE);
    }

    @Test
    void versionChangesWithTheTextAndOnlyWithIt() {
        String once = MappingLoader.parse(FILE, VALID).version();
        String again = MappingLoader.parse(Path.of("elsewhere.yaml"), VALID).version();
        String edited = MappingLoader.parse(FILE, VALID + "# edited\n").version();

        assertThat(once).matches("test-opd@[0-9a-f]{8}").isEqualTo(again).isNotEqualTo(edited);
    }

    @Test
    void validTemplateLoads() {
        Mapping m = MappingLoader.parse(FILE, VALID);

        assertThat(m.rules()).hasSize(2);
        assertThat(m.rules().get(0).line()).isEqualTo(lineOf(VALID, "status = 'DRAFT'"));
    }

    @Test
    void lookupKeysAreUpperCasedIndependentlyOfTheServerLocale() {
        // the mapper upper-cases source values with Locale.ROOT; the loader must do the same with the keys,
        // or on a server with a Turkish locale "diterima" becomes "DİTERİMA" and never matches
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            Mapping m = MappingLoader.parse(FILE, VALID.replace("BERKAS LENGKAP: \"10\"", "berkas diterima: \"09\""));

            assertThat(m.lookups().get("status")).containsOnlyKeys("BERKAS DITERIMA");
        } finally {
            Locale.setDefault(before);
        }
    }

    // --- refused files: file, line, field ---

    @Test
    void unknownTargetFieldIsRefusedOnItsLine() {
        String yaml = VALID.replace("    nib: nib", "    nibb: nib");

        MappingException e = refused(yaml);

        assertRefusal(e, lineOf(yaml, "nibb:"), "nibb", "'nibb' is not a field of IZINSTATUS");
    }

    @Test
    void npwpIsNotAFieldOfAnyDeliveredDocument() {
        // the three documents the gateway delivers carry no NPWP, so a mapping must not invent one
        String yaml = VALID.replace("    nib: nib", "    nib: nib\n    npwp: npwp");

        MappingException e = refused(yaml);

        assertRefusal(e, lineOf(yaml, "npwp:"), "npwp", "not a field of IZINSTATUS");
    }

    @Test
    void unknownNestedTargetFieldIsRefused() {
        String yaml = VALID.replace("    nib: nib", "    nib: nib\n    data_pnbp.kd_akunn: akun");

        assertRefusal(refused(yaml), lineOf(yaml, "kd_akunn"), "data_pnbp.kd_akunn", "not a field");
    }

    @Test
    void duplicateTargetFieldIsRefused() {
        // YAML node trees keep both entries; silently letting the second win hides a copy-paste mistake
        String yaml = VALID.replace("    nib: nib", "    nib: nib\n    nib: nib_lama");

        assertRefusal(refused(yaml), lineOf(yaml, "nib: nib_lama"), "nib", "nib");
    }

    @Test
    void unknownPiaMethodIsRefusedOnItsLine() {
        String yaml = VALID.replace("  receiveLicenseStatus:", "  receiveLicenceStatus:")
                .replace("method: receiveLicenseStatus", "skip: all");

        MappingException e = refused(yaml);

        assertRefusal(e, lineOf(yaml, "receiveLicenceStatus:"), "receiveLicenceStatus",
                "unknown PIA method 'receiveLicenceStatus'");
    }

    @Test
    void queryMethodIsNoDocument() {
        String yaml = VALID.replace("  receiveLicenseStatus:", "  checkLicenseStatus:")
                .replace("method: receiveLicenseStatus", "skip: all");

        assertRefusal(refused(yaml), lineOf(yaml, "checkLicenseStatus:"), "checkLicenseStatus",
                "unknown PIA method");
    }

    @Test
    void lookupNamingAMissingTableIsRefused() {
        String yaml = VALID.replace("lookup: status }", "lookup: statuses }");

        assertRefusal(refused(yaml), lineOf(yaml, "lookup: statuses"), "kd_status",
                "no lookup table 'statuses'");
    }

    @Test
    void expressionThatDoesNotParseIsRefused() {
        String yaml = VALID.replace("$uppercase(catatan)", "$uppercase(catatan");

        assertRefusal(refused(yaml), lineOf(yaml, "$uppercase(catatan\""), "keterangan", "expression does not parse");
    }

    @Test
    void routingConditionThatDoesNotParseIsRefused() {
        String yaml = VALID.replace("status = 'DRAFT'", "status = = 'DRAFT'");

        assertRefusal(refused(yaml), lineOf(yaml, "status = = 'DRAFT'"), "routing", "condition does not parse");
    }

    @Test
    void badDatePatternIsRefused() {
        String yaml = VALID.replace("dd/MM/yyyy HH:mm", "dd/MM/yyyy {HH:mm}");

        assertRefusal(refused(yaml), lineOf(yaml, "{HH:mm}"), "tgl_status", "bad date pattern 'dd/MM/yyyy {HH:mm}'");
    }

    @Test
    void badPatternInAListOfPatternsIsRefused() {
        String yaml = VALID.replace("date: \"dd/MM/yyyy HH:mm\" }",
                "date: [\"dd/MM/yyyy HH:mm\", \"ZZZZZZ\"] }");

        assertRefusal(refused(yaml), lineOf(yaml, "ZZZZZZ"), "tgl_status", "bad date pattern 'ZZZZZZ'");
    }

    @Test
    void routingRuleWithBothMethodAndSkipIsRefused() {
        String yaml = VALID.replace("    skip: drafts are not reported",
                "    skip: drafts are not reported\n    method: receiveLicenseStatus");

        assertRefusal(refused(yaml), lineOf(yaml, "status = 'DRAFT'"), "routing",
                "a rule has either a method or a skip reason");
    }

    @Test
    void routingRuleWithNeitherMethodNorSkipIsRefused() {
        String yaml = VALID.replace("    skip: drafts are not reported\n", "");

        assertRefusal(refused(yaml), lineOf(yaml, "status = 'DRAFT'"), "routing", "either a method or a skip");
    }

    @Test
    void routingMethodWithoutADocumentIsRefused() {
        String yaml = VALID.replace("  - method: receiveLicenseStatus", "  - method: receiveLicense");

        assertRefusal(refused(yaml), lineOf(yaml, "method: receiveLicense"), "routing",
                "method 'receiveLicense' has no document under 'documents'");
    }

    @Test
    void emptyRoutingIsRefused() {
        String yaml = VALID.replace("""
                  - when: "status = 'DRAFT'"
                    skip: drafts are not reported
                  - method: receiveLicenseStatus
                """, "").replace("routing:", "routing: []");

        assertRefusal(refused(yaml), lineOf(yaml, "routing: []"), "routing", "at least one rule");
    }

    @Test
    void invalidYamlIsRefusedWithItsLine() {
        String yaml = VALID.replace("    nib: nib", "    nib: nib\n    kd_izin: kode: izin");

        MappingException e = refused(yaml);

        assertThat(e.getMessage()).startsWith(FILE.toString()).contains("not valid YAML")
                .contains("mapping values are not allowed here");
        assertThat(e.line()).as("line of the broken YAML").isEqualTo(lineOf(yaml, "kode: izin"));
    }

    @Test
    void badIndentationIsRefusedWithItsLine() {
        String yaml = VALID.replace("    nib: nib", "    nib: nib\n  kd_izin: kd_izin\n    id_izin: id_izin");

        MappingException e = refused(yaml);

        assertThat(e.getMessage()).contains("not valid YAML");
        assertThat(e.line()).isEqualTo(lineOf(yaml, "id_izin: id_izin"));
    }

    @Test
    void unclosedBraceIsRefusedNearItsLine() {
        // YAML only notices on the next line that the flow mapping was never closed
        String yaml = VALID.replace("kd_status: { source: status, lookup: status }",
                "kd_status: { source: status, lookup: status");

        MappingException e = refused(yaml);

        assertThat(e.getMessage()).contains("not valid YAML");
        assertThat(e.line()).isBetween(lineOf(yaml, "kd_status:"), lineOf(yaml, "tgl_status:"));
    }

    @Test
    void tabIndentationIsRefusedWithItsLine() {
        String yaml = VALID.replace("    nib: nib", "\tnib: nib");

        MappingException e = refused(yaml);

        assertThat(e.getMessage()).contains("not valid YAML");
        assertThat(e.line()).isEqualTo(lineOf(yaml, "\tnib: nib"));
    }

    @Test
    void missingSystemIsRefused() {
        String yaml = VALID.replace("system: test-opd\n", "");

        MappingException e = refused(yaml);

        // a missing key has no line of its own: the mapping it is missing from starts on the first key
        assertRefusal(e, lineOf(yaml, "opd:"), "system", "'system' is missing");
    }

    @Test
    void blankSystemIsRefused() {
        String yaml = VALID.replace("system: test-opd", "system: ''");

        assertRefusal(refused(yaml), lineOf(yaml, "system:"), "system", "'system' is empty");
    }

    @Test
    void unknownTopLevelKeyIsRefused() {
        String yaml = VALID + "mappings:\n  x: y\n";

        assertRefusal(refused(yaml), lineOf(yaml, "mappings:"), "mappings", "unknown key 'mappings'");
    }

    @Test
    void unknownFieldOptionIsRefused() {
        String yaml = VALID.replace("lookup: status }", "lookup: status, trimm: false }");

        assertRefusal(refused(yaml), lineOf(yaml, "trimm"), "trimm", "unknown key 'trimm'");
    }

    @Test
    void fieldWithTwoOriginsIsRefused() {
        String yaml = VALID.replace("{ source: status, lookup: status }", "{ source: status, value: \"10\" }");

        assertRefusal(refused(yaml), lineOf(yaml, "value: \"10\""), "kd_status", "exactly one of source, value or expr");
    }

    @Test
    void badCaseTypeOutputAndPadAreRefused() {
        assertRefusal(refused(VALID.replace("lookup: status }", "lookup: status, case: title }")),
                lineOf(VALID, "kd_status:"), "kd_status", "case must be upper or lower");
        assertRefusal(refused(VALID.replace("lookup: status }", "lookup: status, type: int }")),
                lineOf(VALID, "kd_status:"), "kd_status", "type must be string, number or boolean");
        assertRefusal(refused(VALID.replace("HH:mm\" }", "HH:mm\", output: time }")),
                lineOf(VALID, "tgl_status:"), "tgl_status", "output must be date or datetime");
        assertRefusal(refused(VALID.replace("lookup: status }", "lookup: status, pad: two }")),
                lineOf(VALID, "kd_status:"), "kd_status", "pad must be a whole number");
    }

    @Test
    void documentsThatAreNotAMappingAreRefused() {
        // "receiveLicenseStatus:" with nothing under it is a YAML null, not a list of fields
        String yaml = """
                system: test-opd
                opd: DPMPTSP-TEST
                routing:
                  - method: receiveLicenseStatus
                documents:
                  receiveLicenseStatus:
                """;

        assertRefusal(refused(yaml), lineOf(yaml, "receiveLicenseStatus:"), "receiveLicenseStatus",
                "expected key: value pairs");
    }

    @Test
    void missingFileIsRefusedNamingIt() {
        Path missing = Path.of("mappings/no-such-file.yaml");

        MappingException e = assertThrows(MappingException.class, () -> MappingLoader.load(missing));

        assertThat(e.file()).isEqualTo(missing);
        assertThat(e.getMessage()).startsWith(missing.toString()).contains("cannot read");
    }

    // --- helpers ---

    private static MappingException refused(String yaml) {
        return assertThrows(MappingException.class, () -> MappingLoader.parse(FILE, yaml));
    }

    private static void assertRefusal(MappingException e, int line, String field, String problem) {
        assertThat(e.file()).isEqualTo(FILE);
        assertThat(e.field()).as("field of: %s", e.getMessage()).isEqualTo(field);
        assertThat(e.line()).as("line of: %s", e.getMessage()).isEqualTo(line);
        assertThat(e.getMessage()).startsWith(FILE + ":" + line + " [" + field + "]: ").contains(problem);
    }

    /** The 1-based line of the first line containing {@code marker}. */
    static int lineOf(String text, String marker) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(marker)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line contains " + marker);
    }

    private static List<String> targets(Mapping m, PiaMethod method) {
        return m.documents().get(method).stream().map(FieldSpec::target).toList();
    }

    private static FieldSpec spec(Mapping m, PiaMethod method, String target) {
        return m.documents().get(method).stream().filter(f -> f.target().equals(target)).findFirst().orElseThrow();
    }
}
