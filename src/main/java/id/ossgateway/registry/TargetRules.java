package id.ossgateway.registry;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The outbound rules applied to a system's settings (filled in by the registry.check package). */
@Component
class TargetRules {

    List<String> problems(SystemKind kind, Map<String, String> settings) {
        return List.of();
    }
}
