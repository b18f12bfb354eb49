package id.ossgateway.source.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Comparator;
import java.util.regex.Pattern;

/**
 * Orders the values an API writes for watermarks and keys, and writes a watermark back as the
 * {@code updated_since} parameter. Legacy APIs send times as text in their own format and ids as numbers or
 * digit strings: text order would put "10" before "9" and "02/11/2026" before "31/10/2026".
 */
final class Watermarks {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private final String readPattern;
    private final DateTimeFormatter read;
    private final DateTimeFormatter write;

    Watermarks(RestPullSpec spec) {
        this.readPattern = spec.watermarkFormat();
        this.read = spec.watermarkFormat() == null ? null : DateTimeFormatter.ofPattern(spec.watermarkFormat());
        this.write = spec.sinceFormat() == null ? null : DateTimeFormatter.ofPattern(spec.sinceFormat());
    }

    /** Compares two watermarks as the API wrote them: as times with a format, else numbers, else text. */
    int compareWatermarks(String a, String b) {
        if (read != null) {
            return time(a).compareTo(time(b));
        }
        return compareKeys(a, b);
    }

    /** Keys: as numbers when both are numbers, else as text. */
    int compareKeys(String a, String b) {
        if (NUMBER.matcher(a).matches() && NUMBER.matcher(b).matches()) {
            return new BigDecimal(a).compareTo(new BigDecimal(b));
        }
        return a.compareTo(b);
    }

    /** (watermark, key) order. */
    Comparator<String[]> order() {
        return (x, y) -> {
            int c = compareWatermarks(x[0], y[0]);
            return c != 0 ? c : compareKeys(x[1], y[1]);
        };
    }

    /** The value of the {@code updated_since} parameter for a stored watermark. */
    String since(String watermark) {
        return write == null ? watermark : write.format(time(watermark));
    }

    private LocalDateTime time(String text) {
        try {
            TemporalAccessor t = read.parseBest(text.strip(), LocalDateTime::from, LocalDate::from);
            return t instanceof LocalDate d ? d.atStartOfDay() : (LocalDateTime) t;
        } catch (DateTimeParseException e) {
            throw new RestPullFailure("watermark '" + text + "' does not match watermarkFormat '" + readPattern + "'");
        }
    }
}
