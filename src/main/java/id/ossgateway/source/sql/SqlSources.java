package id.ossgateway.source.sql;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The SQL sources the gateway knows, as their kamelets last described them, by system and table. The
 * kamelet passes its parameters with every poll, so a source is known from its first tick on; the preview
 * reads a system's rows through the very spec its poll uses.
 */
@Component
public class SqlSources {

    private final Map<String, Map<String, SqlSourceSpec>> bySystem = new ConcurrentHashMap<>();

    void remember(SqlSourceSpec spec) {
        bySystem.computeIfAbsent(spec.systemId(), s -> new ConcurrentHashMap<>()).put(spec.table(), spec);
    }

    /** The sources of a system, one per table, ordered by table. */
    public List<SqlSourceSpec> ofSystem(String systemId) {
        return bySystem.getOrDefault(systemId, Map.of()).values().stream()
                .sorted(java.util.Comparator.comparing(SqlSourceSpec::table)).toList();
    }
}
