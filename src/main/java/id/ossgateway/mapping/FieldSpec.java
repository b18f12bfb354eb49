package id.ossgateway.mapping;

import java.util.List;

/**
 * How one target field of a PIA document is filled. Exactly one of {@code source}, {@code value} and
 * {@code expr} says where the value comes from; the rest transforms it, in this order: trim, case, default,
 * lookup, date, pad, type.
 *
 * @param target  the PIA field, dotted for nested objects ({@code data_pnbp.kd_akun})
 * @param line    the line of the mapping file it was declared on, for error messages
 * @param source  a field (column) of the source record
 * @param value   a constant
 * @param expr    a JSONata expression over the source record
 * @param trim    strip surrounding blanks (default true: legacy CHAR columns are space-padded)
 * @param letterCase {@code upper} or {@code lower}, or null
 * @param lookup  the name of a value table that translates legacy values (e.g. status texts → kd_status)
 * @param dateFormats the patterns a source date may come in ({@code dd/MM/yyyy HH:mm}); empty: not a date
 * @param dateOutput {@code date} (YYYY-MM-DD) or {@code datetime} (YYYY-MM-DD HH:MM:SS)
 * @param pad     left-pad to this length with {@code padChar} (0: no padding)
 * @param padChar the padding character
 * @param defaultValue used when the value is missing or blank
 * @param type    {@code string} (default), {@code number} or {@code boolean}
 */
public record FieldSpec(
        String target,
        int line,
        String source,
        String value,
        Expression expr,
        boolean trim,
        String letterCase,
        String lookup,
        List<String> dateFormats,
        String dateOutput,
        int pad,
        char padChar,
        String defaultValue,
        String type) {
}
