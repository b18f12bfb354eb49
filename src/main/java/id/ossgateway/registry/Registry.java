package id.ossgateway.registry;

import id.ossgateway.audit.AuditLog;
import id.ossgateway.envelope.OpdCode;
import id.ossgateway.mapping.MappingRegistry;
import id.ossgateway.security.Caller;
import id.ossgateway.source.template.InvalidSourceException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The lifecycle of registered systems. OPD staff create, change, submit and suspend their own OPD's
 * systems; operators do everything, and only they approve, resume and retire. A change by OPD staff to a
 * system that was approved sends it back for approval (stopped) when it may point elsewhere (any setting but the
 * schedule, the delimiter and the encoding, or a new credential); an approval names the version it approves.
 * Another OPD's system is "not found", never "forbidden", so ids of other OPDs do not leak.
 */
@Service
public class Registry {

    private static final Logger log = LoggerFactory.getLogger(Registry.class);

    private final RegistryStore store;
    private final SystemSecrets secrets;
    private final SettingsCheck check;
    private final SystemSources sources;
    private final FolderOwners folders;
    private final MappingRegistry mappings;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    Registry(RegistryStore store, SystemSecrets secrets, SettingsCheck check, SystemSources sources,
             FolderOwners folders, MappingRegistry mappings, AuditLog audit, TransactionTemplate tx, Clock clock) {
        this.store = store;
        this.secrets = secrets;
        this.check = check;
        this.sources = sources;
        this.folders = folders;
        this.mappings = mappings;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /** Starts every ACTIVE system's source; one that cannot start goes back to APPROVED with the reason. */
    @EventListener(ApplicationReadyEvent.class)
    public void startActive() {
        for (RegistryStore.Row row : store.systemsIn(SystemState.ACTIVE)) {
            try {
                sources.start(row.system(), secrets.open(row.system().id(), row.sealedSecrets()));
            } catch (RuntimeException e) {
                log.error("registered system {} could not start: {}", row.system().id(), e.getMessage());
                move(Caller.SYSTEM, row, SystemState.APPROVED, "could not start: " + e.getMessage(), "start-failed");
            }
        }
    }

    public Opd createOpd(Caller caller, Opd request) {
        requireOperator(caller, "register an OPD");
        request = new Opd(OpdCode.normalise(request.code()), request.name(), request.contactName(),
                request.contactEmail(), request.contactPhone(), request.createdAt());
        if (request.code() == null || !request.code().matches("[a-z0-9][a-z0-9-]{1,39}")) {
            throw RegistryException.invalid(List.of("code must be 2-40 lower-case letters, digits or '-'"));
        }
        if (request.name() == null || request.name().isBlank()) {
            throw RegistryException.invalid(List.of("name is required"));
        }
        if (store.opd(request.code()).isPresent()) {
            throw RegistryException.conflict("OPD " + request.code() + " exists");
        }
        Opd opd = new Opd(request.code(), request.name().strip(), request.contactName(), request.contactEmail(),
                request.contactPhone(), clock.instant());
        tx.executeWithoutResult(t -> {
            store.insertOpd(opd);
            audit.record(caller.username(), "opd.created", "opd:" + opd.code(), opd.name());
        });
        return opd;
    }

    public List<Opd> opds(Caller caller) {
        return store.opds().stream().filter(o -> caller.canSee(o.code())).toList();
    }

    public Opd opd(Caller caller, String code) {
        return store.opd(code).filter(o -> caller.canSee(o.code()))
                .orElseThrow(() -> RegistryException.notFound("OPD " + code));
    }

    public List<OpdSystem> systems(Caller caller, String opdCode) {
        if (!caller.isOperator() && caller.opdScope().isEmpty()) {
            throw RegistryException.forbidden("the registry is for operators and OPD staff");
        }
        String scope = caller.opdScope().orElse(opdCode);
        if (opdCode != null && !opdCode.equals(scope)) {
            return List.of();
        }
        return store.systems(scope).stream().map(this::view).toList();
    }

    public OpdSystem system(Caller caller, String id) {
        return view(visible(caller, id));
    }

    public OpdSystem create(Caller caller, SystemRequest r) {
        String opdCode = caller.opdScope().orElse(r.opdCode());
        if (!caller.isOperator() && caller.opdScope().isEmpty()) {
            throw RegistryException.forbidden("only operators and OPD staff register systems");
        }
        if (opdCode == null || store.opd(opdCode).isEmpty()) {
            throw RegistryException.invalid(List.of("opdCode: OPD " + opdCode + " does not exist"));
        }
        if (r.id() == null || !r.id().matches("[a-z0-9][a-z0-9-]{1,79}")) {
            throw RegistryException.invalid(List.of("id must be 2-80 lower-case letters, digits or '-'"
                    + " (it names the mapping file mappings/<id>.yaml)"));
        }
        if (r.kind() == null) {
            throw RegistryException.invalid(List.of("kind is required: " + List.of(SystemKind.values())));
        }
        if (store.system(r.id()).isPresent() || sources.isRunning(r.id())) {
            throw RegistryException.conflict("system id " + r.id() + " is taken");
        }
        Map<String, String> settings = r.settings() == null ? Map.of() : r.settings();
        Map<String, String> creds = nonEmpty(r.secrets());
        long schedule = r.scheduleMs() == null ? 60_000 : r.scheduleMs();
        validate(r.kind(), settings, creds, schedule);
        folders.clash(r.id(), r.kind(), settings).ifPresent(p -> {
            throw RegistryException.conflict(p);
        });
        Instant now = clock.instant();
        OpdSystem s = new OpdSystem(r.id(), opdCode, r.name() == null ? r.id() : r.name(), r.kind(), SystemState.DRAFT,
                new TreeMap<>(settings), creds.keySet(), schedule, false, null, 0, now, now, caller.username());
        tx.executeWithoutResult(t -> {
            store.insertSystem(s, secrets.seal(s.id(), creds));
            audit.record(caller.username(), "system.created", target(s.id()), describe(s, creds));
        });
        return system(caller, s.id());
    }

    public OpdSystem edit(Caller caller, String id, SystemRequest r) {
        RegistryStore.Row row = visible(caller, id);
        OpdSystem old = row.system();
        if (old.state() == SystemState.RETIRED) {
            throw RegistryException.conflict("system " + id + " is retired");
        }
        Map<String, String> settings = r.settings() == null ? old.settings() : new TreeMap<>(r.settings());
        Map<String, String> creds = secrets.open(id, row.sealedSecrets());
        if (r.secrets() != null) {
            r.secrets().forEach((k, v) -> {
                if (v == null || v.isEmpty()) {
                    creds.remove(k);
                } else {
                    creds.put(k, v);
                }
            });
        }
        long schedule = r.scheduleMs() == null ? old.scheduleMs() : r.scheduleMs();
        validate(old.kind(), settings, creds, schedule);
        folders.clash(id, old.kind(), settings).ifPresent(p -> {
            throw RegistryException.conflict(p);
        });
        boolean wasApproved = old.state() == SystemState.APPROVED || old.state() == SystemState.ACTIVE
                || old.state() == SystemState.SUSPENDED;
        SystemState state = old.state();
        String reason = old.stateReason();
        if (wasApproved && !caller.isOperator() && pointsElsewhere(old.settings(), settings, r.secrets())) {
            state = SystemState.SUBMITTED;
            reason = "changed by " + caller.username() + ": needs approval again";
        }
        OpdSystem changed = new OpdSystem(id, old.opdCode(), r.name() == null ? old.name() : r.name(), old.kind(),
                state, settings, creds.keySet(), schedule, old.pushKeySet(), reason, old.version(), old.createdAt(),
                clock.instant(), caller.username());
        save(caller, row, changed, creds, "system.changed", describe(changed, creds));
        if (state == SystemState.ACTIVE) {
            restart(caller, id);
        } else {
            sources.stop(id);
        }
        return system(caller, id);
    }

    public OpdSystem submit(Caller caller, String id) {
        RegistryStore.Row row = visible(caller, id);
        requireState(row, SystemState.DRAFT);
        move(caller, row, SystemState.SUBMITTED, null, "system.submitted");
        return system(caller, id);
    }

    /**
     * Approves exactly the version the operator reviewed, and starts the source; without a loaded mapping there
     * is nothing to approve yet. A change after that version (OPD staff may still edit a submitted system) is a
     * new version that needs its own approval.
     */
    public OpdSystem approve(Caller caller, String id, Integer version) {
        requireOperator(caller, "approve a system");
        RegistryStore.Row row = visible(caller, id);
        requireState(row, SystemState.SUBMITTED, SystemState.APPROVED);
        if (version == null) {
            throw RegistryException.invalid(List.of("an approval names the version it approves: {\"version\": "
                    + row.system().version() + "} is the version now"));
        }
        if (version != row.system().version()) {
            throw RegistryException.conflict("system " + id + " changed after version " + version + " (now version "
                    + row.system().version() + "): review it again and approve that version");
        }
        if (mappings.forSystem(id).isEmpty()) {
            throw RegistryException.conflict("no mapping for " + id + ": add mappings/" + id + ".yaml first");
        }
        move(caller, row, SystemState.APPROVED, null, "system.approved");
        return activate(caller, id);
    }

    public OpdSystem suspend(Caller caller, String id, String why) {
        RegistryStore.Row row = visible(caller, id);
        requireState(row, SystemState.ACTIVE, SystemState.APPROVED);
        sources.stop(id);
        move(caller, row, SystemState.SUSPENDED, why, "system.suspended");
        return system(caller, id);
    }

    public OpdSystem resume(Caller caller, String id) {
        requireOperator(caller, "resume a system");
        RegistryStore.Row row = visible(caller, id);
        requireState(row, SystemState.SUSPENDED);
        move(caller, row, SystemState.APPROVED, null, "system.resumed");
        return activate(caller, id);
    }

    public OpdSystem retire(Caller caller, String id, String why) {
        requireOperator(caller, "retire a system");
        RegistryStore.Row row = visible(caller, id);
        if (row.system().state() == SystemState.RETIRED) {
            throw RegistryException.conflict("system " + id + " is retired already");
        }
        sources.stop(id);
        move(caller, row, SystemState.RETIRED, why, "system.retired");
        return system(caller, id);
    }

    /** Sealed credentials and push key hash of a system, for the features that act on its behalf. */
    RegistryStore.Row row(String id) {
        return store.system(id).orElseThrow(() -> RegistryException.notFound("system " + id));
    }

    /** An ACTIVE system's row, for features acting on its behalf (the push API). */
    java.util.Optional<RegistryStore.Row> activeRow(String id) {
        return store.system(id).filter(r -> r.system().state() == SystemState.ACTIVE);
    }

    Map<String, String> credentials(RegistryStore.Row row) {
        return secrets.open(row.system().id(), row.sealedSecrets());
    }

    void save(Caller caller, RegistryStore.Row row, OpdSystem changed, Map<String, String> creds, String action,
              String detail) {
        save(caller, row, changed, secrets.seal(changed.id(), creds), row.pushKeyHash(), action, detail);
    }

    void save(Caller caller, RegistryStore.Row row, OpdSystem changed, String sealed, String pushKeyHash,
              String action, String detail) {
        tx.executeWithoutResult(t -> {
            if (!store.updateSystem(changed, sealed, pushKeyHash)) {
                throw RegistryException.conflict("system " + changed.id() + " was changed meanwhile; reload and retry");
            }
            audit.record(caller.username(), action, target(changed.id()), detail);
        });
    }

    RegistryStore.Row visible(Caller caller, String id) {
        return store.system(id).filter(r -> caller.canSee(r.system().opdCode()))
                .orElseThrow(() -> RegistryException.notFound("system " + id));
    }

    static String target(String systemId) {
        return "system:" + systemId;
    }

    private OpdSystem activate(Caller caller, String id) {
        if (start(caller, id)) {
            move(caller, row(id), SystemState.ACTIVE, null, "system.activated");
        }
        return system(caller, id);
    }

    private void restart(Caller caller, String id) {
        start(caller, id);
    }

    /** Starts the system's source; if it cannot start, the system stays APPROVED with the reason. */
    private boolean start(Caller caller, String id) {
        RegistryStore.Row row = row(id);
        try {
            sources.start(row.system(), credentials(row));
            return true;
        } catch (InvalidSourceException e) {
            move(caller, row, SystemState.APPROVED, "could not start: " + String.join("; ", e.problems()),
                    "system.start-failed");
            return false;
        }
    }

    private void move(Caller caller, RegistryStore.Row row, SystemState to, String reason, String action) {
        OpdSystem s = row.system();
        OpdSystem moved = new OpdSystem(s.id(), s.opdCode(), s.name(), s.kind(), to, s.settings(), s.secretsSet(),
                s.scheduleMs(), s.pushKeySet(), reason, s.version(), s.createdAt(), clock.instant(), caller.username());
        save(caller, row, moved, row.sealedSecrets(), row.pushKeyHash(), action,
                s.state() + " -> " + to + (reason == null ? "" : ": " + reason));
    }

    private OpdSystem view(RegistryStore.Row row) {
        OpdSystem s = row.system();
        return new OpdSystem(s.id(), s.opdCode(), s.name(), s.kind(), s.state(), s.settings(),
                secrets.open(s.id(), row.sealedSecrets()).keySet(), s.scheduleMs(), s.pushKeySet(), s.stateReason(),
                s.version(), s.createdAt(), s.updatedAt(), s.updatedBy());
    }

    private void validate(SystemKind kind, Map<String, String> settings, Map<String, String> creds, long schedule) {
        List<String> problems = check.problems(kind, settings, creds, schedule);
        if (!problems.isEmpty()) {
            throw RegistryException.invalid(problems);
        }
    }

    private static void requireState(RegistryStore.Row row, SystemState... allowed) {
        if (!List.of(allowed).contains(row.system().state())) {
            throw RegistryException.conflict("system " + row.system().id() + " is " + row.system().state()
                    + "; this needs " + List.of(allowed));
        }
    }

    private static void requireOperator(Caller caller, String what) {
        if (!caller.isOperator()) {
            throw RegistryException.forbidden("only an operator may " + what);
        }
    }

    private static Map<String, String> nonEmpty(Map<String, String> secrets) {
        Map<String, String> out = new TreeMap<>();
        if (secrets != null) {
            secrets.forEach((k, v) -> {
                if (v != null && !v.isEmpty()) {
                    out.put(k, v);
                }
            });
        }
        return out;
    }

    /** Settings that only say how often and how to read what was approved: changing them needs no new approval. */
    private static final java.util.Set<String> HOW_TO_READ = java.util.Set.of("delimiter", "encoding");

    /**
     * Whether a change may point the system somewhere an operator has not approved: any setting but the schedule,
     * the name, the CSV delimiter and the encoding, and any new credential (a new key may open another account).
     */
    private static boolean pointsElsewhere(Map<String, String> before, Map<String, String> after,
                                           Map<String, String> newSecrets) {
        boolean newCredential = newSecrets != null && newSecrets.values().stream().anyMatch(v -> v != null && !v.isEmpty());
        Map<String, String> a = new TreeMap<>(before);
        Map<String, String> b = new TreeMap<>(after);
        a.keySet().removeAll(HOW_TO_READ);
        b.keySet().removeAll(HOW_TO_READ);
        return newCredential || !a.equals(b);
    }

    /** The audit detail of a change: settings and which credentials are set, never their values. */
    private static String describe(OpdSystem s, Map<String, String> creds) {
        return s.kind() + " " + s.settings() + " credentials " + creds.keySet() + " every " + s.scheduleMs() + " ms";
    }
}
