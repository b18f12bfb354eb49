package id.ossgateway.lint;

import static org.assertj.core.api.Assertions.assertThat;

import id.ossgateway.mapping.Mapping;
import id.ossgateway.mapping.MappingColumns;
import id.ossgateway.mapping.MappingLoader;
import id.ossgateway.mapping.SampleRows;
import id.ossgateway.source.template.SourceTemplate;
import id.ossgateway.source.template.SourceTemplates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The build's check of the declarative files users edit: every mapping in {@code mappings/} loads (which
 * refuses unknown target fields, unknown lookups and broken expressions), every source in {@code routes/}
 * and {@code config/sources/} has a mapping, every mapping is used by a source, every configured source fits its
 * template; every kamelet in {@code routes/kamelets/} declares exactly the
 * parameters its template uses, and routes pass only declared parameters and all required ones.
 */
class DeclarativeFilesTest {

    private static final Path ROUTES = Paths.get("routes");
    private static final Path MAPPINGS = Paths.get("mappings");
    private static final Path KAMELETS = ROUTES.resolve("kamelets");
    private static final Path SOURCES = Paths.get("config/sources");

    @Test
    void everyMappingLoads() throws IOException {
        assertThat(files(MAPPINGS, ".yaml")).isNotEmpty().allSatisfy(MappingLoader::load);
    }

    @Test
    void everySourceHasAMappingAndEveryMappingASource() throws IOException {
        Set<String> mapped = new HashSet<>();
        for (Path file : files(MAPPINGS, ".yaml")) {
            Mapping mapping = MappingLoader.load(file);
            assertThat(mapped.add(mapping.system())).as("system %s mapped twice", mapping.system()).isTrue();
        }
        Set<String> sourced = new HashSet<>(systemIds(ROUTES));
        sourced.addAll(configuredSystemIds(SOURCES));
        assertThat(sourced).as("sources in routes/ without a mapping in mappings/").isSubsetOf(mapped);
        assertThat(mapped).as("mappings no route in routes/ uses").isSubsetOf(sourced);
    }

    /**
     * Every shipped mapping comes with sample rows of its source ({@code mappings/samples/<system>.csv}, the
     * columns the OPD's system really has) and names only those columns; the editor previews on them too.
     */
    @Test
    void everyMappingNamesOnlyColumnsItsSampleRowsHave() throws IOException {
        for (Path file : files(MAPPINGS, ".yaml")) {
            Mapping mapping = MappingLoader.load(file);
            Path sample = MAPPINGS.resolve("samples").resolve(mapping.system() + ".csv");
            assertThat(sample).as("sample rows of " + mapping.system()).exists();
            List<String> columns = MappingColumns.of(SampleRows.parse(Files.readString(sample)).stream()
                    .map(SampleRows.Row::fields).toList());
            assertThat(MappingColumns.missing(mapping, columns)).as(file.toString()).isEmpty();
        }
    }

    @Test
    void theLintSeesAMissingColumnAndNamesTheNearestOne() {
        Mapping mapping = MappingLoader.parse(Paths.get("x.yaml"), """
                system: x
                opd: dinkes
                routing: [ { method: receiveLicenseStatus } ]
                documents:
                  receiveLicenseStatus:
                    kd_izin: kd_izin
                    id_izin: { source: id_izin }
                """);
        List<MappingColumns.Missing> missing = MappingColumns.missing(mapping, List.of("kode_izin", "id_izin", "nib"));
        assertThat(missing).singleElement().satisfies(m -> {
            assertThat(m.column()).isEqualTo("kd_izin");
            assertThat(m.nearest()).isEqualTo("kode_izin");
            assertThat(m.message()).startsWith("column 'kd_izin' does not exist; did you mean 'kode_izin'?")
                    .contains("columns: id_izin, kode_izin, nib");
        });
    }

    @Test
    void theLintSeesASourceWithoutMapping(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        // guards the check above: a route whose systemId has no mapping must be found
        Files.writeString(dir.resolve("x.camel.yaml"), """
                - route:
                    id: x-sql-poll
                    from:
                      uri: "kamelet:opd-sql-source"
                      parameters: { systemId: nobody-maps-me, query: select 1 }
                      steps: [ { log: done } ]
                """);
        assertThat(systemIds(dir)).containsExactly("nobody-maps-me");
    }

    @Test
    void everyConfiguredSourceFitsItsTemplate() throws IOException {
        List<Path> sources = files(SOURCES, ".yaml");
        assertThat(sources).isNotEmpty();
        for (Path file : sources) {
            Map<String, Object> doc = new Yaml().load(Files.readString(file));
            SourceTemplate template = SourceTemplates.read(KAMELETS.resolve(doc.get("template") + ".kamelet.yaml"))
                    .orElseThrow(() -> new AssertionError(file + ": template " + doc.get("template") + " is not a source"));
            @SuppressWarnings("unchecked")
            Map<String, String> parameters = new java.util.TreeMap<>();
            ((Map<String, Object>) doc.get("parameters")).forEach((k, v) -> parameters.put(k, String.valueOf(v)));
            parameters.put("systemId", String.valueOf(doc.get("system")));
            assertThat(template.problems(parameters)).as(file.toString()).isEmpty();
        }
    }

    @Test
    void theTemplateCheckSeesATypoAndAMissingParameter() {
        SourceTemplate sql = SourceTemplates.read(KAMELETS.resolve("opd-sql-source.kamelet.yaml")).orElseThrow();
        assertThat(sql.problems(Map.of("systemId", "x", "query", "select 1", "watermarkColumn", "u",
                "keyColum", "id", "period", "soon")))
                .containsExactlyInAnyOrder("parameter 'keyColum' is not a parameter of opd-sql-source",
                        "parameter 'keyColumn' is required", "parameter 'period' must be a whole number, got 'soon'");
    }

    /** The system of every source defined in config/sources. */
    static List<String> configuredSystemIds(Path dir) throws IOException {
        List<String> ids = new ArrayList<>();
        for (Path file : files(dir, ".yaml")) {
            Map<String, Object> doc = new Yaml().load(Files.readString(file));
            ids.add(String.valueOf(doc.get("system")));
        }
        return ids;
    }

    @Test
    void everyKameletParameterIsDeclaredAndUsed() throws IOException {
        for (Path file : files(KAMELETS, ".kamelet.yaml")) {
            Kamelet k = kamelet(file);
            assertThat(k.placeholders()).as("placeholders in the template of %s", file).isEqualTo(k.properties());
        }
    }

    @Test
    void everySourceRoutePassesDeclaredParametersAndTheRequiredOnes() throws IOException {
        assertThat(parameterProblems(ROUTES)).isEmpty();
    }

    @Test
    void theLintSeesAMisspelledParameter(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        // guards the check above: a typo in a parameter name would otherwise fall back to the default silently
        Files.writeString(dir.resolve("x.camel.yaml"), """
                - route:
                    id: x-rest-poll
                    from:
                      uri: "kamelet:opd-rest-source"
                      parameters: { systemId: x, url: "http://x/api", keyField: id, pagesize: 50 }
                      steps: [ { log: done } ]
                """);
        assertThat(parameterProblems(dir)).containsExactly("x.camel.yaml: opd-rest-source has no parameter pagesize");
    }

    private record Kamelet(Set<String> properties, Set<String> required, Set<String> placeholders) {
    }

    /** A kamelet's declared properties, its required ones, and the {@code {{name}}} placeholders its template uses. */
    @SuppressWarnings("unchecked")
    private static Kamelet kamelet(Path file) throws IOException {
        Map<String, Object> doc = new Yaml().load(Files.readString(file));
        Map<String, Object> spec = (Map<String, Object>) doc.get("spec");
        Map<String, Object> definition = (Map<String, Object>) spec.get("definition");
        Set<String> properties = ((Map<String, Object>) definition.get("properties")).keySet();
        List<String> required = (List<String>) definition.getOrDefault("required", List.of());
        Set<String> placeholders = new HashSet<>();
        // {{gateway.x}} or {{env:X}} are the application's properties, not the template's parameters;
        // {{?name}} is an optional parameter (the option is left out when it is not given)
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{\\{\\??([A-Za-z][A-Za-z0-9]*)}}")
                .matcher(new Yaml().dump(spec.get("template")));
        while (m.find()) {
            placeholders.add(m.group(1));
        }
        return new Kamelet(new HashSet<>(properties), new HashSet<>(required), placeholders);
    }

    /** Parameters that route files in a folder pass to a project kamelet it does not declare, or leave out though required. */
    @SuppressWarnings("unchecked")
    static List<String> parameterProblems(Path dir) throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path file : files(dir, ".camel.yaml")) {
            for (Object item : (List<Object>) new Yaml().load(Files.readString(file))) {
                Map<String, Object> route = (Map<String, Object>) ((Map<String, Object>) item).get("route");
                Map<String, Object> from = route == null ? null : (Map<String, Object>) route.get("from");
                String uri = from == null ? "" : String.valueOf(from.get("uri"));
                if (!uri.startsWith("kamelet:opd-")) {
                    continue;
                }
                String name = uri.substring("kamelet:".length()).split("[?/]")[0];
                Path source = KAMELETS.resolve(name + ".kamelet.yaml");
                if (!Files.exists(source)) {
                    problems.add(file.getFileName() + ": no kamelet " + name);
                    continue;
                }
                Kamelet k = kamelet(source);
                Map<String, Object> params = (Map<String, Object>) from.getOrDefault("parameters", Map.of());
                params.keySet().stream().filter(p -> !k.properties().contains(p)).sorted()
                        .forEach(p -> problems.add(file.getFileName() + ": " + name + " has no parameter " + p));
                k.required().stream().filter(p -> !params.containsKey(p)).sorted()
                        .forEach(p -> problems.add(file.getFileName() + ": " + name + " needs " + p));
            }
        }
        return problems;
    }

    /** The systemId of every kamelet source instantiated in the route files of a folder. */
    @SuppressWarnings("unchecked")
    static List<String> systemIds(Path dir) throws IOException {
        List<String> ids = new ArrayList<>();
        for (Path file : files(dir, ".camel.yaml")) {
            Object doc = new Yaml().load(Files.readString(file));
            for (Object item : (List<Object>) doc) {
                Map<String, Object> route = (Map<String, Object>) ((Map<String, Object>) item).get("route");
                if (route == null) {
                    continue;
                }
                Map<String, Object> from = (Map<String, Object>) route.get("from");
                Object uri = from.get("uri");
                Map<String, Object> params = (Map<String, Object>) from.get("parameters");
                if (String.valueOf(uri).startsWith("kamelet:opd-") && params != null && params.get("systemId") != null) {
                    ids.add(String.valueOf(params.get("systemId")));
                }
            }
        }
        return ids;
    }

    private static List<Path> files(Path dir, String suffix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }
}
