package id.ossgateway.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Whether a system's settings can be stored: known names for its kind, required ones present, credentials
 * only under the kind's secret names, and the outbound rules (allowed hosts, JDBC URL, SQL identifiers,
 * paths) — checked at every change, not only at approval, so nothing unsafe is ever stored.
 */
@Component
class SettingsCheck {

    private final TargetRules targets;
    private final RegistryProperties properties;

    SettingsCheck(TargetRules targets, RegistryProperties properties) {
        this.targets = targets;
        this.properties = properties;
    }

    List<String> problems(SystemKind kind, Map<String, String> settings, Map<String, String> secrets, long scheduleMs) {
        List<String> problems = new ArrayList<>();
        settings.keySet().stream().filter(n -> !kind.allowsSetting(n))
                .forEach(n -> problems.add("setting '" + n + "' is not a setting of a " + kind + " system"));
        kind.requiredSettings().stream().filter(n -> settings.getOrDefault(n, "").isBlank())
                .forEach(n -> problems.add("setting '" + n + "' is required for a " + kind + " system"));
        secrets.keySet().stream().filter(n -> !kind.secretNames().contains(n))
                .forEach(n -> problems.add("credential '" + n + "' is not a credential of a " + kind + " system"));
        if (scheduleMs < properties.minScheduleMs()) {
            problems.add("scheduleMs must be at least " + properties.minScheduleMs());
        }
        if (problems.isEmpty()) {
            problems.addAll(targets.problems(kind, settings));
        }
        return problems;
    }
}
