package id.ossgateway.mapping.version;

import id.ossgateway.mapping.Mapping;
import id.ossgateway.mapping.MappingException;
import id.ossgateway.mapping.MappingLoader;
import id.ossgateway.mapping.MappingRegistry;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps every node's mappings in step with the live versions in the state database: each reload tick reads
 * {@code mapping_live} (one small query) and loads what changed, so an approval or a rollback made on one node
 * is in force on all of them within {@code gateway.mapping.reload-interval}, without a restart.
 */
@Component
public class LiveMappings {

    private static final Logger log = LoggerFactory.getLogger(LiveMappings.class);

    private final MappingVersionStore store;
    private final MappingRegistry registry;
    private final Map<String, Integer> loaded = new ConcurrentHashMap<>();

    LiveMappings(MappingVersionStore store, MappingRegistry registry) {
        this.store = store;
        this.registry = registry;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(initialDelayString = "${gateway.mapping.reload-interval:2s}",
            fixedDelayString = "${gateway.mapping.reload-interval:2s}")
    public synchronized void sync() {
        Map<String, Integer> live = store.live();
        live.forEach((system, versionNo) -> {
            if (!versionNo.equals(loaded.get(system))) {
                store.yaml(system, versionNo).ifPresent(yaml -> load(system, versionNo, yaml));
            }
        });
        loaded.keySet().removeIf(system -> {
            boolean gone = !live.containsKey(system);
            if (gone) {
                registry.useEdited(system, null);
            }
            return gone;
        });
    }

    private void load(String system, int versionNo, String yaml) {
        try {
            registry.useEdited(system, parse(system, versionNo, yaml));
            loaded.put(system, versionNo);
        } catch (MappingException e) {
            // approved versions were checked when saved; a stricter gateway version may still refuse one
            log.error("mapping {} refused: {}", MappingVersion.label(system, versionNo), e.getMessage());
            loaded.put(system, versionNo);
        }
    }

    /** A saved text as a mapping whose version names the saved version ({@code <system>@v<n>}). */
    static Mapping parse(String system, int versionNo, String yaml) {
        Mapping m = MappingLoader.parse(Path.of(system + ".yaml"), yaml);
        return new Mapping(m.system(), m.opd(), MappingVersion.label(system, versionNo), m.file(), m.rules(),
                m.documents(), m.lookups());
    }
}
