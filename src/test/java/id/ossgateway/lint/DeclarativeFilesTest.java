package id.ossgateway.lint;

import static org.assertj.core.api.Assertions.assertThat;

import id.ossgateway.mapping.Mapping;
import id.ossgateway.mapping.MappingLoader;
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
 * and {@code config/sources/} has a mapping, every mapping is used by a source, and every configured source
 * fits its template.
 */
class DeclarativeFilesTest {

    private static final Path ROUTES = Paths.get("routes");
    private static final Path MAPPINGS = Paths.get("mappings");
    private static final Path SOURCES = Paths.get("config/sources");
    private static final Path TEMPLATES = Paths.get("routes/kamelets");

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
            SourceTemplate template = SourceTemplates.read(TEMPLATES.resolve(doc.get("template") + ".kamelet.yaml"))
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
        SourceTemplate sql = SourceTemplates.read(TEMPLATES.resolve("opd-sql-source.kamelet.yaml")).orElseThrow();
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
