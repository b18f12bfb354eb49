package id.ossgateway.observability;

import java.util.regex.Pattern;

/**
 * Hides the personal data an OPD record may carry — NIK (16 digits), Indonesian mobile numbers, e-mail
 * addresses — in text that is about to be logged. The gateway's own log lines carry ids only; this is for
 * what it does not control: a database's error message quoting a value, an exception from a library.
 */
public final class PersonalData {

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    /** NIK: exactly 16 digits (an 18-digit NIP or a longer number is left alone). */
    private static final Pattern NIK = Pattern.compile("(?<![0-9])[0-9]{16}(?![0-9])");
    /** 08…, 628… or +628…, 10 to 14 digits, optionally grouped by spaces or dashes. */
    private static final Pattern PHONE =
            Pattern.compile("(?<![\\w+])(?:\\+62|62|0)[ -]?8[0-9]{2}(?:[ -]?[0-9]{3,4}){2}[0-9]{0,3}(?![0-9])");

    private PersonalData() {
    }

    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = EMAIL.matcher(text).replaceAll("[email]");
        masked = NIK.matcher(masked).replaceAll("[nik]");
        return PHONE.matcher(masked).replaceAll("[phone]");
    }
}
