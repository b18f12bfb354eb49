package id.ossgateway.mapping;

import id.ossgateway.GatewayProperties;
import id.ossgateway.pia.CodeLists;
import id.ossgateway.pia.PiaSchemas;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The mappings in force, one per source system, read from {@code mappings/*.yaml} and reloaded when a
 * file changes. A file that does not load is refused with its file, line and field, and the version
 * loaded before keeps running: an integrator's typo must not stop an OPD's deliveries.
 */
@Component
public class MappingRegistry {

    private static final Logger log = LoggerFactory.getLogger(MappingRegistry.class);

    private final Path dir;
    private final Mapper mapper;
    private final Map<String, Mapping> bySystem = new ConcurrentHashMap<>();
    private final Map<Path, String> systemOfFile = new ConcurrentHashMap<>();
    private final Map<Path, FileTime> seen = new ConcurrentHashMap<>();
    private final Map<Path, MappingException> problems = new ConcurrentHashMap<>();
    /** versions edited in the console or the API, in force instead of the file of the same system */
    private final Map<String, Mapping> edited = new ConcurrentHashMap<>();

    public MappingRegistry(GatewayProperties gateway, MappingProperties properties) {
        this.dir = gateway.mappingsDir();
        TreeSet<String> codes = new TreeSet<>(CodeLists.pia().list(CodeLists.PERMIT_STATUS).keySet());
        codes.addAll(properties.extraStatusCodes());
        this.mapper = new Mapper(PiaSchemas.withStatusCodes(codes), properties.zone());
        reload();
    }

    public Mapper mapper() {
        return mapper;
    }

    public Optional<Mapping> forSystem(String systemId) {
        Mapping version = edited.get(systemId);
        return Optional.ofNullable(version != null ? version : bySystem.get(systemId));
    }

    /** The mapping of {@code mappings/<system>.yaml}, whether or not an edited version is in force instead. */
    public Optional<Mapping> fromFile(String systemId) {
        return Optional.ofNullable(bySystem.get(systemId));
    }

    /** The systems that have a mapping in force, sorted. */
    public java.util.SortedSet<String> systems() {
        TreeSet<String> all = new TreeSet<>(bySystem.keySet());
        all.addAll(edited.keySet());
        return all;
    }

    /**
     * Puts an edited version in force for its system, instead of its file (if any), from the next record on;
     * null goes back to the file.
     */
    public void useEdited(String systemId, Mapping version) {
        Mapping before = version == null ? edited.remove(systemId) : edited.put(systemId, version);
        if (version != null && (before == null || !before.version().equals(version.version()))) {
            log.info("mapping {} in force (edited version)", version.version());
        }
    }

    /** Files refused at the last check, with why. */
    public List<MappingException> problems() {
        return List.copyOf(problems.values());
    }

    /** Loads new and changed files, forgets deleted ones. */
    @Scheduled(fixedDelayString = "${gateway.mapping.reload-interval:2s}")
    public synchronized void reload() {
        List<Path> files = list();
        for (Path file : files) {
            FileTime modified = modified(file);
            if (modified != null && !modified.equals(seen.get(file))) {
                seen.put(file, modified);
                load(file);
            }
        }
        for (Path gone : new ArrayList<>(seen.keySet())) {
            if (!files.contains(gone)) {
                seen.remove(gone);
                problems.remove(gone);
                String system = systemOfFile.remove(gone);
                if (system != null) {
                    bySystem.remove(system);
                    log.info("mapping of {} removed ({} deleted)", system, gone.getFileName());
                }
            }
        }
    }

    private void load(Path file) {
        try {
            Mapping mapping = MappingLoader.load(file);
            String previous = systemOfFile.get(file);
            if (previous != null && !previous.equals(mapping.system())) {
                bySystem.remove(previous);
            }
            Mapping clash = bySystem.get(mapping.system());
            if (clash != null && !clash.file().equals(file)) {
                throw new MappingException(file, 0, "system", "system '" + mapping.system()
                        + "' is already mapped by " + clash.file().getFileName());
            }
            bySystem.put(mapping.system(), mapping);
            systemOfFile.put(file, mapping.system());
            problems.remove(file);
            log.info("mapping {} loaded from {}", mapping.version(), file.getFileName());
        } catch (MappingException e) {
            problems.put(file, e);
            String running = Optional.ofNullable(systemOfFile.get(file)).map(bySystem::get)
                    .map(Mapping::version).orElse("none");
            log.error("mapping refused: {} (still running: {})", e.getMessage(), running);
        }
    }

    private List<Path> list() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted()
                    .toList();
        } catch (IOException e) {
            log.warn("cannot list {}: {}", dir, e.getMessage());
            return List.copyOf(seen.keySet());
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return null;
        }
    }
}
