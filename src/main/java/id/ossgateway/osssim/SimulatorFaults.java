package id.ossgateway.osssim;

import id.ossgateway.osssim.SimulatorProperties.Faults;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;

/**
 * The faults the simulator injects right now: the configured ones until someone PUTs others through
 * {@code /oss-sim/_faults}. Thread-safe: the settings are one immutable snapshot swapped as a whole,
 * and the {@code failNext} countdown is atomic, so 16 concurrent calls consume exactly N failures.
 */
final class SimulatorFaults {

    /** What a faulty call is answered with; {@code retryAfterSeconds} only for a 429. */
    record Fault(int code, String keterangan, Long retryAfterSeconds) {
    }

    /** The settings in force, with the outage windows parsed and {@code outageFor} turned into an end time. */
    private record Active(Faults faults, List<OutageWindow> windows, Instant outageUntil) {
    }

    private final Faults configured;
    private final ZoneId zone;
    private final Clock clock;
    private final DoubleSupplier random;
    private final AtomicInteger failNextLeft = new AtomicInteger();
    private volatile Active active;

    SimulatorFaults(Faults configured, ZoneId zone, Clock clock, DoubleSupplier random) {
        this.configured = configured;
        this.zone = zone;
        this.clock = clock;
        this.random = random;
        replace(configured); // parses the windows now, so a bad one stops start-up instead of the first call
    }

    /** Puts other faults in force; {@code failNext} and {@code outageFor} count from now. */
    synchronized void replace(Faults faults) {
        List<OutageWindow> windows = faults.outages().stream().map(OutageWindow::parse).toList();
        Duration outageFor = faults.outageFor();
        Instant until = outageFor == null || outageFor.isZero() || outageFor.isNegative()
                ? null : clock.instant().plus(outageFor);
        active = new Active(faults, windows, until);
        failNextLeft.set(faults.failNext());
    }

    /** Back to the configured faults. */
    void restore() {
        replace(configured);
    }

    /** The faults in force, with {@code failNext} and {@code outageFor} as what is left of them. */
    Faults current() {
        Active now = active;
        Faults f = now.faults();
        Duration left = now.outageUntil() == null ? null : Duration.between(clock.instant(), now.outageUntil());
        Duration outageLeft = left == null || left.isNegative() || left.isZero() ? null : left;
        return new Faults(f.errorRate(), f.errorCodes(), f.latency(), f.throttleRate(), f.retryAfter(), f.outages(),
                f.outageCode(), outageLeft, failNextLeft.get(), f.failNextCode(), f.failIdIzin());
    }

    /** Added to every method call. */
    Duration latency() {
        return active.faults().latency();
    }

    /**
     * The fault of the next method call, decided before its user_key or body is looked at: an outage
     * answers everything, then the {@code failNext} countdown, then the random throttle and errors.
     */
    Optional<Fault> beforeCall() {
        Active now = active;
        Faults f = now.faults();
        if (inOutage(now)) {
            return Optional.of(new Fault(f.outageCode(),
                    SimReply.label(f.outageCode()) + " (simulasi: OSS sedang gangguan/pemeliharaan)", null));
        }
        long seconds = (f.retryAfter().toMillis() + 999) / 1000;
        if (failNextLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            // a 429 always says when to come back, whichever fault produced it
            return Optional.of(new Fault(f.failNextCode(), SimReply.label(f.failNextCode()) + " (simulasi: failNext)",
                    f.failNextCode() == 429 ? seconds : null));
        }
        if (f.throttleRate() > 0 && random.getAsDouble() < f.throttleRate()) {
            return Optional.of(new Fault(429, "Terlalu Banyak Permintaan: coba lagi dalam " + seconds + " detik"
                    + " (simulasi)", seconds));
        }
        if (f.errorRate() > 0 && random.getAsDouble() < f.errorRate()) {
            List<Integer> codes = f.errorCodes();
            int code = codes.get(Math.min(codes.size() - 1, (int) (random.getAsDouble() * codes.size())));
            return Optional.of(new Fault(code, SimReply.label(code) + " (simulasi: errorRate)", null));
        }
        return Optional.empty();
    }

    /** The fault configured for one permit, if any; {@code idIzin} may be null. */
    Optional<Fault> forIdIzin(String idIzin) {
        Integer code = idIzin == null ? null : active.faults().failIdIzin().get(idIzin);
        return code == null ? Optional.empty()
                : Optional.of(new Fault(code, SimReply.label(code) + " (simulasi: failIdIzin)", null));
    }

    private boolean inOutage(Active now) {
        Instant instant = clock.instant();
        if (now.outageUntil() != null && instant.isBefore(now.outageUntil())) {
            return true;
        }
        var time = instant.atZone(zone).toLocalTime();
        return now.windows().stream().anyMatch(w -> w.contains(time));
    }
}
