package id.ossgateway.mapping;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns legacy date values (strings in a declared pattern, or JDBC date types) into the PIA's
 * {@code YYYY-MM-DD} and {@code YYYY-MM-DD HH:MM:SS}. Parsing is strict: 31/02 is refused, not rolled
 * over to March.
 */
final class LegacyDates {

    static final DateTimeFormatter PIA_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd");
    static final DateTimeFormatter PIA_DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
    private static final Map<String, DateTimeFormatter> FORMATTERS = new ConcurrentHashMap<>();

    private LegacyDates() {
    }

    /** The strict formatter of a pattern; yyyy is read as the proleptic year, as users mean it. */
    static DateTimeFormatter formatter(String pattern) {
        return FORMATTERS.computeIfAbsent(pattern, p -> DateTimeFormatter.ofPattern(p.replace("yyyy", "uuuu")
                .replace("yy", "uu")).withResolverStyle(ResolverStyle.STRICT));
    }

    /**
     * Formats {@code value} for the PIA, or returns null when it is no date in any of the patterns.
     *
     * @param zone the zone of the legacy system's clock, for values that carry an offset
     */
    static String convert(Object value, List<String> patterns, boolean withTime, ZoneId zone) {
        LocalDateTime parsed = toLocal(value, patterns, zone);
        if (parsed == null) {
            return null;
        }
        return withTime ? PIA_DATE_TIME.format(parsed) : PIA_DATE.format(parsed);
    }

    private static LocalDateTime toLocal(Object value, List<String> patterns, ZoneId zone) {
        if (value instanceof LocalDateTime t) {
            return t;
        }
        if (value instanceof LocalDate d) {
            return d.atStartOfDay();
        }
        if (value instanceof OffsetDateTime o) {
            return o.atZoneSameInstant(zone).toLocalDateTime();
        }
        if (value instanceof ZonedDateTime z) {
            return z.withZoneSameInstant(zone).toLocalDateTime();
        }
        String text = String.valueOf(value).trim();
        for (String pattern : patterns) {
            try {
                TemporalAccessor t = formatter(pattern).parse(text);
                LocalDate date = LocalDate.from(t);
                return t.isSupported(java.time.temporal.ChronoField.HOUR_OF_DAY)
                        ? LocalDateTime.of(date, java.time.LocalTime.from(t)) : date.atStartOfDay();
            } catch (java.time.DateTimeException e) {
                // try the next pattern
            }
        }
        return null;
    }
}
