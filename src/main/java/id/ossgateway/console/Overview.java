package id.ossgateway.console;

import id.ossgateway.delivery.OssCircuit;
import id.ossgateway.registry.OpdSystem;
import id.ossgateway.registry.Registry;
import id.ossgateway.security.Caller;
import id.ossgateway.security.Role;
import id.ossgateway.source.SourceHealth;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * The overview's content for one caller: a row per system they may see, with its registry state, how its
 * last poll went, today's figures and the last 24 hours' throughput. OPD staff get their OPD's registered
 * systems only; operators and integrators also the systems defined in files (they belong to no OPD). The
 * figures are counts, never records, so integrators — who fix the mappings that reject — see them too.
 */
@Component
class Overview {

    private final Registry registry;
    private final SourceHealth health;
    private final OssCircuit circuit;
    private final OverviewQueries queries;
    private final ConsoleTime time;

    Overview(Registry registry, SourceHealth health, OssCircuit circuit, OverviewQueries queries, ConsoleTime time) {
        this.registry = registry;
        this.health = health;
        this.circuit = circuit;
        this.queries = queries;
        this.time = time;
    }

    /** How the last polls of a system's sources went: failing if any source failed, at the latest poll. */
    record Poll(boolean ok, Instant at, String detail) {
    }

    record Row(String id, String name, String opdCode, String state, String stateReason, Poll poll,
               OverviewQueries.Today today, ThroughputChart chart) {
    }

    record Page(String circuit, List<Row> rows, ThroughputChart total, OverviewQueries.Today totals) {
    }

    Page build(Caller caller) {
        Map<String, OpdSystem> registered = new HashMap<>();
        if (caller.role() != Role.INTEGRATOR) {
            registry.systems(caller, null).forEach(s -> registered.put(s.id(), s));
        }
        Map<String, OverviewQueries.Today> today = queries.today(time.startOfToday());
        long firstHour = time.now().getEpochSecond() / 3600 - (ThroughputChart.HOURS - 1);
        OverviewQueries.Hourly hourly = queries.hourly(Instant.ofEpochSecond(firstHour * 3600));
        Map<String, Poll> polls = polls();

        TreeSet<String> ids = new TreeSet<>(registered.keySet());
        if (caller.opdScope().isEmpty()) {
            ids.addAll(today.keySet());
            ids.addAll(hourly.received().keySet());
            ids.addAll(polls.keySet());
        }
        List<Row> rows = new ArrayList<>();
        Map<Long, Long> allIn = new HashMap<>();
        Map<Long, Long> allOut = new HashMap<>();
        long[] sums = new long[4];
        for (String id : ids) {
            OpdSystem s = registered.get(id);
            Map<Long, Long> in = hourly.received().getOrDefault(id, Map.of());
            Map<Long, Long> out = hourly.delivered().getOrDefault(id, Map.of());
            in.forEach((h, n) -> allIn.merge(h, n, Long::sum));
            out.forEach((h, n) -> allOut.merge(h, n, Long::sum));
            OverviewQueries.Today t = today.getOrDefault(id, OverviewQueries.Today.NONE);
            sums[0] += t.received();
            sums[1] += t.delivered();
            sums[2] += t.rejected();
            sums[3] += t.deadLettered();
            rows.add(new Row(id, s == null ? id : s.name(), s == null ? null : s.opdCode(),
                    s == null ? null : s.state().name(), s == null ? null : s.stateReason(), polls.get(id), t,
                    ThroughputChart.of(in, out, firstHour, 192, 32, time.zoneId())));
        }
        return new Page(circuit.state(), rows, ThroughputChart.of(allIn, allOut, firstHour, 720, 120, time.zoneId()),
                new OverviewQueries.Today(sums[0], sums[1], sums[2], sums[3], null));
    }

    /** Source health is kept per source ({@code system:table}); the overview shows it per system. */
    private Map<String, Poll> polls() {
        Map<String, Poll> out = new HashMap<>();
        health.statuses().forEach((key, status) -> {
            int colon = key.indexOf(':');
            if (colon <= 0 || key.startsWith("config/")) {
                return; // a source file that did not load names no system yet: it is in /actuator/health
            }
            String system = key.substring(0, colon);
            out.merge(system, new Poll(status.ok(), status.at(), status.detail()), Overview::worse);
        });
        return out;
    }

    private static Poll worse(Poll a, Poll b) {
        if (a.ok() != b.ok()) {
            return a.ok() ? b : a;
        }
        return a.at().isAfter(b.at()) ? a : b;
    }
}
