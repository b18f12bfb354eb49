package id.ossgateway.source.sql;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

/**
 * A watermark kept as text in a legacy VARCHAR column, e.g. {@code tgl_update = '2024-03-01 08:15:00'}.
 * The keyset query compares such a column as text, so its format must sort like time: the fields from year
 * down to seconds, each with a fixed width ({@code yyyy-MM-dd HH:mm:ss}, {@code yyyyMMdd}). A day-first
 * format ({@code dd/MM/yyyy}) sorts 02/01/2024 before 31/12/2023, so rows would be skipped forever: it is
 * refused, and the kamelet's description says how to convert such a column in the query instead.
 */
record TextWatermark(String pattern, DateTimeFormatter formatter) {

    /** The pattern letters, literals removed, must be a prefix of this: year first, every field fixed width. */
    private static final String SORTABLE = "yyyyMMddHHmmssSSSSSSSSS";
    private static final Pattern DAY_FIRST = Pattern.compile("^\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}(\\D.*)?$");

    /** The format of a text watermark, or null when none is declared. */
    static TextWatermark of(String pattern) {
        if (pattern == null || pattern.isBlank()) {
            return null;
        }
        String letters = pattern.replaceAll("'[^']*'", "").replaceAll("[^A-Za-z]", "").replace('u', 'y');
        if (letters.length() < 4 || !SORTABLE.startsWith(letters)) {
            throw new IllegalArgumentException("watermarkFormat '" + pattern + "' does not sort in time order as"
                    + " text (it must run from year to seconds with fixed widths, e.g. yyyy-MM-dd HH:mm:ss);"
                    + " convert the column in the query instead and name the converted column as watermarkColumn");
        }
        DateTimeFormatter formatter;
        try {
            formatter = DateTimeFormatter.ofPattern(pattern.replace("yyyy", "uuuu"))
                    .withResolverStyle(ResolverStyle.STRICT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("watermarkFormat '" + pattern + "' is no date pattern: " + e.getMessage());
        }
        return new TextWatermark(pattern, formatter);
    }

    /** A watermark text that does not have the declared shape would sort out of place: refuse it. */
    void check(String keyColumn, Object key, String value) {
        try {
            formatter.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("row with " + keyColumn + "=" + key + " has a watermark that is not "
                    + pattern + "; it would sort out of place. Fix the row or exclude it in the query");
        }
    }

    /** The settle cut-off as text of the same format, so it compares with the column as text. */
    String format(LocalDateTime time) {
        return formatter.format(time);
    }

    /**
     * Without a declared format a text watermark is compared as it is; one that looks like a day-first date
     * would silently skip rows, so it stops the poll with the way out.
     */
    static void refuseDayFirst(String watermarkColumn, String value) {
        if (DAY_FIRST.matcher(value.strip()).matches()) {
            throw new IllegalStateException("watermark " + watermarkColumn + " holds day-first dates as text, which"
                    + " do not sort in time order; convert it in the query (e.g. str_to_date or to_timestamp) and"
                    + " use the converted column as watermarkColumn");
        }
    }
}
