package id.ossgateway.osssim;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import id.ossgateway.osssim.SimulatorFaults.Fault;
import id.ossgateway.pia.PiaMethod;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One PIA method call through the simulator, in the order real OSS would fail it: unknown method (404),
 * latency, injected faults (an outage answers everything, before the user_key is even read), user_key
 * (401), JSON syntax (400), the faults set for an id_izin, the field rules (400), and only then the
 * simulated OSS. Every call is logged with its reply. Knows nothing of HTTP servlets, so tests call it
 * directly.
 */
final class OssSimulator {

    // strict on purpose: a body OSS could read two ways (duplicate keys, trailing data) is refused
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** A request body: parsed, or why it could not be, and what the call log shows of it. */
    private record Body(JsonNode json, String syntaxError, JsonNode forLog) {

        static Body parse(byte[] raw) {
            String text = raw == null ? "" : new String(raw, StandardCharsets.UTF_8);
            if (text.isBlank()) {
                return new Body(null, "body kosong, seharusnya JSON", TextNode.valueOf(text));
            }
            try {
                JsonNode json = JSON.readTree(raw);
                return new Body(json, null, json);
            } catch (JsonProcessingException e) {
                JsonLocation at = e.getLocation();
                String where = at == null ? "" : " (baris " + at.getLineNr() + ", kolom " + at.getColumnNr() + ")";
                return new Body(null, "JSON tidak valid" + where + ": " + e.getOriginalMessage(), TextNode.valueOf(text));
            } catch (IOException e) {
                return new Body(null, "JSON tidak terbaca: " + e.getMessage(), TextNode.valueOf(text));
            }
        }
    }

    private final byte[] userKey;
    private final FieldRules rules;
    private final SimulatorFaults faults;
    private final SimulatedOss oss;
    private final SimCallLog log;
    private final Clock clock;
    private final Consumer<Duration> pause;

    OssSimulator(String userKey, FieldRules rules, SimulatorFaults faults, SimulatedOss oss, SimCallLog log,
                 Clock clock, Consumer<Duration> pause) {
        this.userKey = userKey.getBytes(StandardCharsets.UTF_8);
        this.rules = rules;
        this.faults = faults;
        this.oss = oss;
        this.log = log;
        this.clock = clock;
        this.pause = pause;
    }

    /** Answers {@code POST /oss-sim/v1/kl/rba/{method}} and logs the call. */
    SimReply call(String method, Map<String, List<String>> headers, byte[] body) {
        Instant at = clock.instant();
        Body parsed = Body.parse(body);
        SimReply reply = answer(method, headers, parsed);
        log.record(at, method, headers, parsed.forLog(), reply);
        return reply;
    }

    /** The logged calls, oldest first; only those of {@code method} when it is not null. */
    List<SimCall> calls(String method) {
        return log.calls(method);
    }

    SimCallLog.Stats stats() {
        return log.stats();
    }

    /** Forgets calls, counters and permits; the faults stay as they are. */
    void reset() {
        log.reset();
        oss.clear();
    }

    /** Blocks the calling request thread: what a slow OSS does to its client. */
    static void sleep(Duration duration) {
        if (duration.isZero() || duration.isNegative()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private SimReply answer(String name, Map<String, List<String>> headers, Body body) {
        Optional<PiaMethod> known = PiaMethod.fromPath(name);
        if (known.isEmpty()) {
            return SimReply.of(name, 404, SimReply.label(404) + ": metode '" + name + "' tidak dikenal");
        }
        PiaMethod method = known.get();
        pause.accept(faults.latency());
        Optional<Fault> fault = faults.beforeCall();
        if (fault.isPresent()) {
            return reply(name, fault.get());
        }
        if (!authorized(headers)) {
            return SimReply.of(name, 401, "User Akses Tidak Valid");
        }
        if (body.syntaxError() != null) {
            return SimReply.of(name, 400, body.syntaxError());
        }
        fault = faults.forIdIzin(body.json().path(method.wrapper()).path("id_izin").textValue());
        if (fault.isPresent()) {
            return reply(name, fault.get());
        }
        List<String> problems = rules.validate(method, body.json());
        if (!problems.isEmpty()) {
            return SimReply.of(name, 400, String.join("; ", problems));
        }
        return oss.answer(method, body.json());
    }

    private boolean authorized(Map<String, List<String>> headers) {
        return headers.entrySet().stream()
                .filter(h -> SimCall.USER_KEY.equalsIgnoreCase(h.getKey()) && !h.getValue().isEmpty())
                .findFirst()
                // constant-time, so the sandbox does not teach anyone to guess keys by timing
                .map(h -> MessageDigest.isEqual(userKey, h.getValue().get(0).getBytes(StandardCharsets.UTF_8)))
                .orElse(false);
    }

    private static SimReply reply(String method, Fault fault) {
        return SimReply.of(method, fault.code(), fault.keterangan()).withRetryAfter(fault.retryAfterSeconds());
    }
}
