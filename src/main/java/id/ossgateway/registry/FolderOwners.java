package id.ossgateway.registry;

import java.nio.file.Path;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * One folder, one system: a FOLDER system may not read another system's drop folder, nor a folder inside or
 * around it (the other's {@code done/} and {@code error/} hold its processed files and reports). Retired
 * systems keep their folder's history but no longer claim it.
 */
@Component
class FolderOwners {

    private final RegistryStore store;
    private final RegistryProperties properties;

    FolderOwners(RegistryStore store, RegistryProperties properties) {
        this.store = store;
        this.properties = properties;
    }

    /** The problem with giving {@code systemId} this folder, if another system reads it already. */
    Optional<String> clash(String systemId, SystemKind kind, java.util.Map<String, String> settings) {
        if (kind != SystemKind.FOLDER || settings.get("path") == null) {
            return Optional.empty();
        }
        Path mine = folder(settings.get("path"));
        return store.systems(null).stream()
                .map(RegistryStore.Row::system)
                .filter(s -> s.kind() == SystemKind.FOLDER && s.state() != SystemState.RETIRED && !s.id().equals(systemId))
                .filter(s -> s.settings().get("path") != null)
                .filter(s -> {
                    Path theirs = folder(s.settings().get("path"));
                    return mine.startsWith(theirs) || theirs.startsWith(mine);
                })
                .findFirst()
                .map(s -> "setting 'path': the folder " + settings.get("path") + " is read by system " + s.id()
                        + " already (or lies inside or around its folder): one folder, one system");
    }

    private Path folder(String path) {
        return properties.folderRoot().resolve(path.replaceAll("^/+", "")).normalize().toAbsolutePath();
    }
}
