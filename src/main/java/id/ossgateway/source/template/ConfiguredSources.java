package id.ossgateway.source.template;

import id.ossgateway.source.SourceHealth;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The sources defined as files in {@code config/sources/}, one per file, started when the gateway is ready
 * and kept in step with the folder while it runs: a new file starts a source, a changed one replaces it, a
 * removed one stops it. A file that does not fit its template is refused with its reasons (log and
 * {@code /actuator/health}) and the version that ran before keeps running.
 *
 * <pre>
 * system: dinkes-kota-bima          # the OPD system; mappings/dinkes-kota-bima.yaml maps its records
 * template: opd-sql-source          # a source kamelet in routes/kamelets
 * enabled: true                     # optional, default true; placeholders allowed
 * parameters:                       # the template's parameters; {{env:X}} for secrets
 *   jdbcUrl: jdbc:mariadb://10.1.2.3:3306/simpel
 *   password: "{{env:DINKES_DB_PASSWORD}}"
 * </pre>
 */
@Component
public class ConfiguredSources {

    private static final Logger log = LoggerFactory.getLogger(ConfiguredSources.class);

    private final SourcesProperties properties;
    private final SourceRoutes routes;
    private final SourceHealth health;
    private final CamelContext camel;
    private static final List<String> KEYS = List.of("system", "template", "enabled", "parameters");

    /** file name → the definition in effect from it, to act only on changes */
    private final Map<String, Definition> seen = new HashMap<>();
    /** file name → why its current version is refused, to log each refusal once */
    private final Map<String, List<String>> refused = new HashMap<>();
    private volatile boolean ready;

    public ConfiguredSources(SourcesProperties properties, SourceRoutes routes, SourceHealth health, CamelContext camel) {
        this.properties = properties;
        this.routes = routes;
        this.health = health;
        this.camel = camel;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void startAll() {
        ready = true;
        sync();
    }

    @Scheduled(fixedDelayString = "${gateway.sources.reload-interval}")
    public void reload() {
        if (ready) {
            sync();
        }
    }

    /** Brings the running sources in line with the files; returns the files' problems, by file name. */
    public synchronized Map<String, List<String>> sync() {
        Map<String, List<String>> problems = new LinkedHashMap<>();
        Map<String, Path> files = files();
        for (String gone : List.copyOf(seen.keySet())) {
            if (!files.containsKey(gone)) {
                routes.stop(seen.remove(gone).instance().id());
                health.forget(healthKey(gone));
            }
        }
        files.forEach((name, file) -> {
            try {
                Definition definition = read(file);
                String id = definition.instance().id();
                if (definition.equals(seen.get(name)) && definition.enabled() == routes.isRunning(id)) {
                    return;
                }
                if (definition.enabled()) {
                    routes.start(definition.instance());
                } else {
                    routes.stop(id);
                }
                seen.put(name, definition);
                health.forget(healthKey(name));
            } catch (InvalidSourceException | IllegalArgumentException | ClassCastException e) {
                List<String> reasons = e instanceof InvalidSourceException i ? i.problems() : List.of(e.getMessage());
                problems.put(name, reasons);
                if (!reasons.equals(refused.get(name))) { // once per version, not at every scan
                    log.error("config/sources/{} refused, {}: {}", name,
                            routes.isRunning(idOf(name)) ? "the previous version keeps running" : "not started",
                            String.join("; ", reasons));
                }
                health.failed(healthKey(name), String.join("; ", reasons));
            }
        });
        refused.clear();
        refused.putAll(problems);
        return problems;
    }

    /** A source file as read: the instance and whether it should run. */
    record Definition(SourceInstance instance, boolean enabled) {
    }

    @SuppressWarnings("unchecked")
    Definition read(Path file) {
        Map<String, Object> doc;
        try {
            doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("cannot read: " + e.getMessage());
        }
        if (doc == null) {
            throw new IllegalArgumentException("the file is empty");
        }
        for (String key : doc.keySet()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown key '" + key + "' (known: " + String.join(", ", KEYS) + ")");
            }
        }
        Object given = doc.getOrDefault("parameters", Map.of());
        if (!(given instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("parameters must be a map of name: value");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        ((Map<String, Object>) given).forEach((k, v) -> parameters.put(k, v == null ? "" : resolve(v.toString())));
        String enabled = resolve(String.valueOf(doc.getOrDefault("enabled", "true")));
        if (!enabled.equals("true") && !enabled.equals("false")) {
            throw new IllegalArgumentException("enabled must be true or false, got '" + enabled + "'");
        }
        SourceInstance instance = new SourceInstance(idOf(file.getFileName().toString()),
                String.valueOf(doc.get("system")), String.valueOf(doc.get("template")), parameters);
        return new Definition(instance, Boolean.parseBoolean(enabled));
    }

    private String resolve(String value) {
        // {{env:X}} and {{gateway.*}} placeholders, so no secret has to be written in the file
        return camel.resolvePropertyPlaceholders(value);
    }

    private Map<String, Path> files() {
        Map<String, Path> files = new LinkedHashMap<>();
        if (Files.isDirectory(properties.dir())) {
            try (Stream<Path> list = Files.list(properties.dir())) {
                list.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted()
                        .forEach(f -> files.put(f.getFileName().toString(), f));
            } catch (IOException e) {
                log.error("cannot list {}: {}", properties.dir(), e.toString());
            }
        }
        return files;
    }

    private static String idOf(String fileName) {
        return fileName.substring(0, fileName.length() - ".yaml".length());
    }

    private static String healthKey(String fileName) {
        return "config/sources/" + fileName;
    }
}
