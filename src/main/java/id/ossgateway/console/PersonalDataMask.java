package id.ossgateway.console;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides personal data — NIK, phone numbers, e-mail addresses — from roles that do not need it, keeping
 * enough (the last digits, the mail domain) to tell records apart on the telephone. Fields are recognised
 * by name, and values by shape too, because legacy tables put a NIK or an address in any column.
 */
final class PersonalDataMask {

    private static final Pattern PERSONAL_FIELD = Pattern.compile(
            "(^|_)(nik|ktp|no_ktp|phone|telp|telepon|tlp|hp|no_hp|handphone|whatsapp|wa|email|e_mail|surel)($|_)");
    private static final Pattern EMAIL = Pattern.compile("([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*(@[A-Za-z0-9.-]+)");
    // a NIK is 16 digits; a phone number 9-15 digits from 0 or +62. NIB (13) and NPWP (15) stay readable
    private static final Pattern NIK = Pattern.compile("(?<!\\d)\\d{12}(\\d{4})(?!\\d)");
    private static final Pattern PHONE = Pattern.compile("(?<![\\d])(\\+62|62|0)8[\\d\\- ]{6,13}(\\d{3})(?!\\d)");

    private PersonalDataMask() {
    }

    /** The record with personal values masked, keys and order kept. */
    static Map<String, Object> record(Map<String, ?> fields) {
        Map<String, Object> out = new LinkedHashMap<>();
        fields.forEach((k, v) -> out.put(k, v == null ? null : value(k, String.valueOf(v))));
        return out;
    }

    static String value(String field, String value) {
        if (field != null && PERSONAL_FIELD.matcher(field.toLowerCase(Locale.ROOT)).find()) {
            return EMAIL.matcher(value).find() ? text(value) : keepLast(value, 4);
        }
        return text(value);
    }

    /** Free text with any e-mail address, NIK or phone number in it masked. */
    static String text(String value) {
        String out = EMAIL.matcher(value).replaceAll("$1***$2");
        out = NIK.matcher(out).replaceAll(m -> "************" + m.group(1));
        Matcher phone = PHONE.matcher(out);
        return phone.replaceAll(m -> "*".repeat(m.group().length() - 3) + m.group(2));
    }

    private static String keepLast(String value, int keep) {
        String v = value.strip();
        if (v.length() <= keep) {
            return "*".repeat(v.length());
        }
        return "*".repeat(v.length() - keep) + v.substring(v.length() - keep);
    }
}
