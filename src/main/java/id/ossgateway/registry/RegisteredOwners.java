package id.ossgateway.registry;

import id.ossgateway.security.SystemOwners;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** System ownership from the registry. */
@Component
class RegisteredOwners implements SystemOwners {

    private final RegistryStore store;

    RegisteredOwners(RegistryStore store) {
        this.store = store;
    }

    @Override
    public Optional<String> opdOf(String systemId) {
        return systemId == null ? Optional.empty() : store.system(systemId).map(r -> r.system().opdCode());
    }

    @Override
    public List<String> systemsOf(String opdCode) {
        return store.systems(opdCode).stream().map(r -> r.system().id()).toList();
    }
}
