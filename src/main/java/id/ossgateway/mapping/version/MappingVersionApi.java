package id.ossgateway.mapping.version;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import id.ossgateway.security.Caller;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The mapping editor's API: {@code /api/v1/mappings/{system}/versions} (save, list, read, approve, reject,
 * roll back, diff) and {@code /sample} (the rows the editor previews on). OPD staff work on their own OPD's
 * systems and submit; integrators and operators approve by version number.
 */
@RestController
class MappingVersionApi {

    private final MappingVersions versions;
    private final MappingSamples samples;

    MappingVersionApi(MappingVersions versions, MappingSamples samples) {
        this.versions = versions;
        this.samples = samples;
    }

    /** What a client sends to save a version: the YAML text, a note, and the version it was edited from. */
    record SaveRequest(String yaml, String note, Integer basedOn) {
    }

    record Reason(String reason) {
    }

    record Current(String system, String yaml, List<MappingVersion> versions) {
    }

    @GetMapping("/api/v1/mappings/{system}")
    Current current(@PathVariable String system) {
        Caller caller = Caller.current();
        return new Current(system, versions.currentText(caller, system).orElse(null), versions.versions(caller, system));
    }

    @GetMapping("/api/v1/mappings/{system}/versions")
    List<MappingVersion> list(@PathVariable String system) {
        return versions.versions(Caller.current(), system);
    }

    @PostMapping("/api/v1/mappings/{system}/versions")
    ResponseEntity<MappingVersion> save(@PathVariable String system, @RequestBody SaveRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(versions.save(Caller.current(), system, request.yaml(),
                request.note(), request.basedOn()));
    }

    @GetMapping("/api/v1/mappings/{system}/versions/{versionNo}")
    Map<String, Object> version(@PathVariable String system, @PathVariable int versionNo) {
        return Map.of("system", system, "versionNo", versionNo,
                "yaml", versions.text(Caller.current(), system, versionNo));
    }

    @PostMapping("/api/v1/mappings/{system}/versions/{versionNo}/approve")
    MappingVersion approve(@PathVariable String system, @PathVariable int versionNo) {
        return versions.approve(Caller.current(), system, versionNo);
    }

    @PostMapping("/api/v1/mappings/{system}/versions/{versionNo}/reject")
    MappingVersion reject(@PathVariable String system, @PathVariable int versionNo,
                          @RequestBody(required = false) Reason reason) {
        return versions.reject(Caller.current(), system, versionNo, reason == null ? null : reason.reason());
    }

    @PostMapping("/api/v1/mappings/{system}/versions/{versionNo}/rollback")
    MappingVersion rollback(@PathVariable String system, @PathVariable int versionNo) {
        return versions.rollback(Caller.current(), system, versionNo);
    }

    /** A unified diff of a version against another ({@code against}; default: the one it was edited from). */
    @GetMapping("/api/v1/mappings/{system}/versions/{versionNo}/diff")
    Map<String, String> diff(@PathVariable String system, @PathVariable int versionNo,
                             @RequestParam(required = false) Integer against) {
        return Map.of("diff", versions.diff(Caller.current(), system, versionNo, against));
    }

    @GetMapping("/api/v1/mappings/{system}/sample")
    Map<String, String> sample(@PathVariable String system) {
        versions.requireView(Caller.current(), system);
        return Map.of("system", system, "sample", samples.text(system).orElse(""));
    }

    @PutMapping("/api/v1/mappings/{system}/sample")
    ResponseEntity<Map<String, Object>> saveSample(@PathVariable String system, @RequestBody Map<String, String> body) {
        Caller caller = Caller.current();
        versions.requireView(caller, system);
        try {
            samples.save(system, body.getOrDefault("sample", ""), caller.username());
        } catch (IllegalArgumentException e) {
            return ResponseEntity.badRequest().body(Map.of("errors", List.of(e.getMessage())));
        }
        return ResponseEntity.ok(Map.of("system", system, "columns", samples.columns(system).orElse(List.of())));
    }

    @ExceptionHandler(MappingEditException.class)
    ResponseEntity<Map<String, Object>> refused(MappingEditException e) {
        HttpStatus status = switch (e.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
        };
        return ResponseEntity.status(status).body(Map.of("errors",
                e.reasons().stream().map(MappingEditException.Reason::text).toList()));
    }

    static String unified(String fromName, String from, String toName, String to) {
        List<String> a = from.lines().toList();
        List<String> b = to.lines().toList();
        return String.join("\n", UnifiedDiffUtils.generateUnifiedDiff(fromName, toName, a, DiffUtils.diff(a, b), 3));
    }
}
