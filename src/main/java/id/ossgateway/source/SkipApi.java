package id.ossgateway.source;

import id.ossgateway.privacy.PersonalData;
import id.ossgateway.security.Caller;
import id.ossgateway.security.SystemOwners;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/rejects/skipped}: records a mapping skipped on purpose, per source record, with the reason —
 * beside the rejects, for the same people: operators all systems, OPD staff their OPD's (personal data masked).
 */
@RestController
public class SkipApi {

    private final SkipStore skips;
    private final SystemOwners owners;

    SkipApi(SkipStore skips, SystemOwners owners) {
        this.skips = skips;
        this.owners = owners;
    }

    /** One skipped record as shown: the record's fields, masked for everyone but operators. */
    public record View(String skipId, String systemId, String sourceRef, String mappingVersion, String reason,
                Map<String, Object> record, java.time.Instant skippedAt) {
    }

    @GetMapping("/api/v1/rejects/skipped")
    List<View> list(@RequestParam(required = false) String system, @RequestParam(defaultValue = "100") int limit) {
        return visible(Caller.current(), system, Math.min(Math.max(limit, 1), 1000));
    }

    /** The skips the caller may see, newest first (also for the console). */
    public List<View> visible(Caller caller, String system, int limit) {
        List<SkipStore.Skipped> found = caller.isOperator() ? skips.list(system, limit)
                : (system == null ? owners.systemsOf(caller.opdCode())
                        : owners.visible(caller, system) ? List.of(system) : List.<String>of()).stream()
                        .flatMap(s -> skips.list(s, limit).stream())
                        .sorted(Comparator.comparing(SkipStore.Skipped::skippedAt).reversed()).limit(limit).toList();
        return found.stream().map(s -> {
            Map<String, Object> fields = RecordCodec.read(s.record());
            return new View(s.skipId(), s.systemId(), s.sourceRef(), s.mappingVersion(), s.reason(),
                    caller.isOperator() ? fields : PersonalData.maskRecord(fields), s.skippedAt());
        }).toList();
    }
}
