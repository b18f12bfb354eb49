package id.ossgateway.mapping.version;

import static id.ossgateway.mapping.version.MappingEditException.Kind.CONFLICT;
import static id.ossgateway.mapping.version.MappingEditException.Kind.FORBIDDEN;
import static id.ossgateway.mapping.version.MappingEditException.Kind.INVALID;
import static id.ossgateway.mapping.version.MappingEditException.Kind.NOT_FOUND;

import id.ossgateway.audit.AuditLog;
import id.ossgateway.mapping.Mapping;
import id.ossgateway.mapping.MappingColumns;
import id.ossgateway.mapping.MappingException;
import id.ossgateway.mapping.MappingRegistry;
import id.ossgateway.security.Caller;
import id.ossgateway.security.Role;
import id.ossgateway.security.SystemOwners;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mappings edited without file access. Saving creates a new version in the state database; a version saved by
 * OPD staff waits until an integrator or operator approves it by its number (a later save is a new version that
 * needs its own approval), while one saved by an integrator or operator is in force at once. Every version is
 * kept; a rollback puts an earlier approved one back in force. Every change is in the audit log
 * ({@code mapping:<system>}), and every node picks the live version up from the state database.
 */
@Service
public class MappingVersions {

    private final MappingVersionStore store;
    private final MappingRegistry registry;
    private final MappingSamples samples;
    private final SystemOwners owners;
    private final LiveMappings live;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    MappingVersions(MappingVersionStore store, MappingRegistry registry, MappingSamples samples, SystemOwners owners,
                    LiveMappings live, AuditLog audit, TransactionTemplate tx, Clock clock) {
        this.store = store;
        this.registry = registry;
        this.samples = samples;
        this.owners = owners;
        this.live = live;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /** The text in force for a system (its live version, else its file), or empty when it has none. */
    public Optional<String> currentText(Caller caller, String system) {
        requireView(caller, system);
        Optional<MappingVersion> liveVersion = versions(caller, system).stream().filter(MappingVersion::live).findFirst();
        if (liveVersion.isPresent()) {
            return store.yaml(system, liveVersion.get().versionNo());
        }
        return registry.fromFile(system).map(m -> read(m.file()));
    }

    public List<MappingVersion> versions(Caller caller, String system) {
        requireView(caller, system);
        return store.list(system);
    }

    public String text(Caller caller, String system, int versionNo) {
        requireView(caller, system);
        return store.yaml(system, versionNo).orElseThrow(() -> notFound(system, versionNo));
    }

    /** Systems with versions waiting for approval (for integrators and operators). */
    public List<String> pending(Caller caller) {
        return canApprove(caller) ? store.pending() : List.of();
    }

    /** Checks and saves a text as a new version; in force at once when an integrator or operator saved it. */
    public MappingVersion save(Caller caller, String system, String yaml, String note, Integer basedOn) {
        requireView(caller, system);
        Mapping mapping = check(caller, system, yaml);
        boolean approver = canApprove(caller);
        int n = tx.execute(t -> {
            int no = store.insert(system, yaml, approver ? VersionState.APPROVED : VersionState.SUBMITTED, basedOn,
                    blankToNull(note), caller.username(), clock.instant());
            audit.record(caller.username(), approver ? "mapping.saved" : "mapping.submitted", target(system),
                    MappingVersion.label(system, no) + (note == null || note.isBlank() ? "" : ": " + note.strip()));
            if (approver) {
                store.setLive(system, no, caller.username(), clock.instant());
            }
            return no;
        });
        live.sync();
        return store.find(system, n).orElseThrow();
    }

    /** Approves exactly the version named, and puts it in force. */
    public MappingVersion approve(Caller caller, String system, int versionNo) {
        requireApprover(caller);
        check(caller, system, text(caller, system, versionNo));
        tx.executeWithoutResult(t -> {
            if (!store.decide(system, versionNo, VersionState.SUBMITTED, VersionState.APPROVED, null,
                    caller.username(), clock.instant())) {
                throw MappingEditException.of(CONFLICT, "mapping.error.notSubmitted", "version " + versionNo
                        + " of " + system + " is not waiting for approval", versionNo);
            }
            store.setLive(system, versionNo, caller.username(), clock.instant());
            audit.record(caller.username(), "mapping.approved", target(system), MappingVersion.label(system, versionNo));
        });
        live.sync();
        return store.find(system, versionNo).orElseThrow();
    }

    public MappingVersion reject(Caller caller, String system, int versionNo, String reason) {
        requireApprover(caller);
        text(caller, system, versionNo);
        String why = blankToNull(reason) == null ? "rejected" : reason.strip();
        tx.executeWithoutResult(t -> {
            if (!store.decide(system, versionNo, VersionState.SUBMITTED, VersionState.REJECTED, why,
                    caller.username(), clock.instant())) {
                throw MappingEditException.of(CONFLICT, "mapping.error.notSubmitted", "version " + versionNo
                        + " of " + system + " is not waiting for approval", versionNo);
            }
            audit.record(caller.username(), "mapping.rejected", target(system),
                    MappingVersion.label(system, versionNo) + ": " + why);
        });
        return store.find(system, versionNo).orElseThrow();
    }

    /** Puts an earlier approved version back in force (one click: nothing is re-typed). */
    public MappingVersion rollback(Caller caller, String system, int versionNo) {
        requireApprover(caller);
        MappingVersion v = store.find(system, versionNo).orElseThrow(() -> notFound(system, versionNo));
        if (v.state() != VersionState.APPROVED) {
            throw MappingEditException.of(CONFLICT, "mapping.error.notApproved", "only an approved version can be"
                    + " put back in force; version " + versionNo + " is " + v.state(), versionNo);
        }
        tx.executeWithoutResult(t -> {
            store.setLive(system, versionNo, caller.username(), clock.instant());
            audit.record(caller.username(), "mapping.rolled-back", target(system), MappingVersion.label(system, versionNo));
        });
        live.sync();
        return store.find(system, versionNo).orElseThrow();
    }

    /**
     * A unified diff of a version against another: {@code against}, else the version it was edited from, else
     * the previous version, else the system's file.
     */
    public String diff(Caller caller, String system, int versionNo, Integer against) {
        String text = text(caller, system, versionNo);
        Integer other = against;
        if (other == null) {
            MappingVersion v = store.find(system, versionNo).orElseThrow();
            other = v.basedOn() != null ? v.basedOn() : versionNo > 1 ? Integer.valueOf(versionNo - 1) : null;
        }
        if (other == null) {
            String file = registry.fromFile(system).map(m -> read(m.file())).orElse("");
            return MappingVersionApi.unified("mappings/" + system + ".yaml", file, "v" + versionNo, text);
        }
        return MappingVersionApi.unified("v" + other, text(caller, system, other), "v" + versionNo, text);
    }

    /** The text as a mapping, for a preview while it is being edited; only a text that does not load is refused. */
    public Mapping parse(String system, String yaml) {
        try {
            return LiveMappings.parse(system, 0, yaml == null ? "" : yaml);
        } catch (MappingException e) {
            throw MappingEditException.of(INVALID, "mapping.error.refused", e.getMessage(), e.line(),
                    e.field() == null ? "" : e.field(), e.getMessage());
        }
    }

    /**
     * Whether a text can be saved for a system: it loads, it is the system's, its OPD is the system's, and it names
     * only columns the system's sample rows have (when samples are stored).
     */
    public Mapping check(Caller caller, String system, String yaml) {
        Mapping mapping;
        try {
            mapping = LiveMappings.parse(system, 0, yaml == null ? "" : yaml);
        } catch (MappingException e) {
            throw MappingEditException.of(INVALID, "mapping.error.refused", e.getMessage(), e.line(),
                    e.field() == null ? "" : e.field(), e.getMessage());
        }
        List<MappingEditException.Reason> reasons = new ArrayList<>();
        if (!mapping.system().equals(system)) {
            reasons.add(new MappingEditException.Reason("mapping.error.system", List.of(mapping.system(), system),
                    "the text says system '" + mapping.system() + "', not '" + system + "'"));
        }
        owners.opdOf(system).filter(opd -> !opd.equals(mapping.opd())).ifPresent(opd -> reasons.add(
                new MappingEditException.Reason("mapping.error.opd", List.of(mapping.opd(), opd),
                        "the mapping says opd '" + mapping.opd() + "', but the system belongs to OPD '" + opd + "'")));
        samples.columns(system).ifPresent(columns -> MappingColumns.missing(mapping, columns).forEach(m -> reasons.add(
                new MappingEditException.Reason(m.nearest() == null ? "mapping.column.missing" : "mapping.column.nearest",
                        List.of(m.column(), m.nearest() == null ? "" : m.nearest(), m.target(),
                                String.join(", ", m.columns())), m.message()))));
        if (!reasons.isEmpty()) {
            throw new MappingEditException(INVALID, reasons);
        }
        return mapping;
    }

    public static String target(String system) {
        return "mapping:" + system;
    }

    void requireView(Caller caller, String system) {
        if (caller.role() == Role.OPD_STAFF && !owners.visible(caller, system)) {
            throw MappingEditException.of(NOT_FOUND, "mapping.error.notFound", "no system " + system, system);
        }
    }

    public static boolean canApprove(Caller caller) {
        return caller.role() == Role.OPERATOR || caller.role() == Role.INTEGRATOR;
    }

    private static void requireApprover(Caller caller) {
        if (!canApprove(caller)) {
            throw MappingEditException.of(FORBIDDEN, "mapping.error.approver",
                    "only an integrator or an operator approves mapping versions");
        }
    }

    private static MappingEditException notFound(String system, int versionNo) {
        return MappingEditException.of(NOT_FOUND, "mapping.error.noVersion", "no version " + versionNo + " of "
                + system, versionNo);
    }

    private static String read(java.nio.file.Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
