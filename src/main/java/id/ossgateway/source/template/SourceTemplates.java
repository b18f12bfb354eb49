package id.ossgateway.source.template;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.component.kamelet.KameletComponent;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The source templates on disk: every kamelet labelled as a source in the {@code file:} folders of the
 * kamelet component's location ({@code camel.component.kamelet.location}, normally {@code routes/kamelets}).
 * Read from the files each time, because integrators add and change templates while the gateway runs and
 * there are only a handful of small files.
 */
@Component
public class SourceTemplates {

    private static final String SUFFIX = ".kamelet.yaml";

    private final CamelContext camel;

    public SourceTemplates(CamelContext camel) {
        this.camel = camel;
    }

    public List<SourceTemplate> all() {
        Map<String, SourceTemplate> templates = new TreeMap<>();
        for (Path dir : folders()) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).sorted().toList()) {
                    read(file).ifPresent(t -> templates.putIfAbsent(t.name(), t));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list source templates in " + dir, e);
            }
        }
        return List.copyOf(templates.values());
    }

    public Optional<SourceTemplate> find(String name) {
        if (name == null || !name.matches("[a-z0-9][a-z0-9-]{0,80}")) {
            return Optional.empty();
        }
        for (Path dir : folders()) {
            Path file = dir.resolve(name + SUFFIX);
            if (Files.isRegularFile(file)) {
                return read(file);
            }
        }
        return Optional.empty();
    }

    /** The kamelet component's file: locations, in its order of precedence. */
    private List<Path> folders() {
        String location = camel.getComponent("kamelet", KameletComponent.class).getLocation();
        List<Path> folders = new ArrayList<>();
        for (String entry : location == null ? new String[0] : location.split(",")) {
            if (entry.strip().startsWith("file:")) {
                Path dir = Paths.get(entry.strip().substring("file:".length()));
                if (Files.isDirectory(dir)) {
                    folders.add(dir);
                }
            }
        }
        return folders;
    }

    @SuppressWarnings("unchecked")
    public static Optional<SourceTemplate> read(Path file) {
        Map<String, Object> kamelet;
        try {
            kamelet = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        Map<String, Object> metadata = map(kamelet.get("metadata"));
        Map<String, Object> labels = map(metadata.get("labels"));
        if (!"source".equals(labels.get("camel.apache.org/kamelet.type"))) {
            return Optional.empty();
        }
        Map<String, Object> definition = map(map(kamelet.get("spec")).get("definition"));
        Set<Object> required = Set.copyOf((List<Object>) definition.getOrDefault("required", List.of()));
        List<TemplateParameter> parameters = new ArrayList<>();
        map(definition.get("properties")).forEach((name, value) -> {
            Map<String, Object> p = map(value);
            Object dflt = p.get("default");
            parameters.add(new TemplateParameter(name, text(p.get("title")), text(p.get("description")),
                    p.getOrDefault("type", "string").toString(), required.contains(name),
                    "password".equals(p.get("format")), dflt == null ? null : dflt.toString()));
        });
        return Optional.of(new SourceTemplate(text(metadata.get("name")), text(definition.get("title")),
                text(definition.get("description")), parameters));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static String text(Object o) {
        return o == null ? "" : o.toString().strip();
    }
}
