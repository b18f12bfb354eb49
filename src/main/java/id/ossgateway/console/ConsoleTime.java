package id.ossgateway.console;

import id.ossgateway.mapping.MappingProperties;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/**
 * Times as the console shows them: in the gateway's zone (WITA by default), the zone the OPDs work in, and
 * "today" as their day, not UTC's. Templates call it as {@code ${@consoleTime.format(x)}}.
 */
@Component("consoleTime")
class ConsoleTime {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Clock clock;
    private final ZoneId zone;

    ConsoleTime(Clock clock, MappingProperties mapping) {
        this.clock = clock;
        this.zone = mapping.zone();
    }

    public String format(Instant at) {
        return at == null ? "—" : FORMAT.format(at.atZone(zone));
    }

    public String zone() {
        return zone.getId();
    }

    ZoneId zoneId() {
        return zone;
    }

    Instant now() {
        return clock.instant();
    }

    Instant startOfToday() {
        return LocalDate.now(clock.withZone(zone)).atStartOfDay(zone).toInstant();
    }
}
