package id.ossgateway.osssim;

import com.fasterxml.jackson.databind.JsonNode;
import id.ossgateway.envelope.ContentHash;
import id.ossgateway.pia.PiaMethod;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the simulator received, for the tests that count it: the latest calls in a bounded ring buffer,
 * and counters per method, including how many accepted documents had been accepted before with the
 * same content ({@code duplicates}; the gateway promises it stays 0). All under one lock: the work inside
 * is tiny, and it keeps the sequence numbers, the log order and the counters consistent with each other.
 */
final class SimCallLog {

    /** The counters of {@code GET /oss-sim/_stats}. */
    record Stats(Map<String, Long> calls, Map<String, Long> accepted, long duplicates, long acceptedDistinct) {
    }

    private final int capacity;
    private final Deque<SimCall> calls = new ArrayDeque<>();
    private final Map<String, Long> callCounts = new LinkedHashMap<>();
    private final Map<String, Long> acceptedCounts = new LinkedHashMap<>();
    // unbounded on purpose: a duplicate must be found however long ago the first copy came (100k hashes ≈ 15 MB)
    private final Set<String> acceptedHashes = new HashSet<>();
    private long duplicates;
    private long seq;

    SimCallLog(int capacity) {
        this.capacity = capacity;
        reset();
    }

    /** Logs a call; {@code body} is the parsed JSON or the raw text as a text node. */
    SimCall record(Instant at, String method, Map<String, List<String>> headers, JsonNode body, SimReply reply) {
        Optional<PiaMethod> known = PiaMethod.fromPath(method);
        // hashing outside the lock: it is the only part of this that takes time
        String hash = known.filter(PiaMethod::isDocument).isPresent() && reply.status() == 200
                ? method + ":" + ContentHash.of(body) : null;
        synchronized (this) {
            SimCall call = new SimCall(++seq, at, method, SimCall.masked(headers), body, reply);
            calls.addLast(call);
            if (calls.size() > capacity) {
                calls.removeFirst();
            }
            if (known.isPresent()) { // unknown names are logged, not counted: the stats keep the five methods
                callCounts.merge(method, 1L, Long::sum);
                if (reply.status() == 200) {
                    acceptedCounts.merge(method, 1L, Long::sum);
                }
            }
            if (hash != null && !acceptedHashes.add(hash)) {
                duplicates++;
            }
            return call;
        }
    }

    /** The logged calls, oldest first; only those of {@code method} when it is not null. */
    synchronized List<SimCall> calls(String method) {
        return calls.stream().filter(c -> method == null || method.equals(c.method())).toList();
    }

    synchronized Stats stats() {
        // copies in the methods' order, so the JSON reads like the PIA list
        return new Stats(Collections.unmodifiableMap(new LinkedHashMap<>(callCounts)),
                Collections.unmodifiableMap(new LinkedHashMap<>(acceptedCounts)), duplicates, acceptedHashes.size());
    }

    /** Forgets every call and counter, so each test case starts from zero. */
    synchronized void reset() {
        calls.clear();
        acceptedHashes.clear();
        duplicates = 0;
        seq = 0;
        for (PiaMethod method : PiaMethod.values()) {
            callCounts.put(method.path(), 0L);
            acceptedCounts.put(method.path(), 0L);
        }
    }
}
