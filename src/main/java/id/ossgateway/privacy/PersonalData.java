package id.ossgateway.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal data (NIK and other identity numbers, passports, phone and fax numbers, e-mail addresses) for
 * people who may see a record but not the people in it: OPD staff and integrators. Shared by the message API,
 * the console and log lines. Two ways in: fields whose name says they hold such data (the PIA's own names, see
 * {@code fields.tsv}: {@code nik}, {@code no_identitas_*}, {@code email_*}, {@code no_telp_*}, {@code hp_*}...),
 * and e-mail addresses, 16-digit NIKs and mobile numbers written into free text such as {@code keterangan}.
 * Masking errs on the side of hiding: a value that only looks like a phone number is masked too.
 */
public final class PersonalData {

    // a name part, so nama_sistem_elektronik is not a NIK and no_hp_penanggung_jwb is a phone
    private static final Pattern PERSONAL_FIELD = Pattern.compile(
            "(^|_)(nik|ktp|identitas|paspor|passport|email|e_mail|surel|telp|telpon|telepon|tlp|phone|hp|handphone"
                    + "|whatsapp|wa|fax)(_|$)",
            Pattern.CASE_INSENSITIVE);
    // jns_identitas_* / jenis_identitas_* / valid_identitas_* are the kind and expiry of a document, not its number
    private static final Pattern NOT_PERSONAL = Pattern.compile("^(jns|jenis|valid)_", Pattern.CASE_INSENSITIVE);

    private static final Pattern EMAIL = Pattern.compile("([A-Za-z0-9._%+-]+)(@[A-Za-z0-9.-]+\\.[A-Za-z]{2,})");
    private static final Pattern NIK = Pattern.compile("(?<!\\d)\\d{16}(?!\\d)");
    private static final Pattern MOBILE = Pattern.compile("(?<![\\d+])(?:\\+62|62|0)8\\d{1,3}[- ]?\\d{3,4}[- ]?\\d{3,5}(?!\\d)");
    private static final Pattern BARE_NUMBER = Pattern.compile("[0-9]+");

    private PersonalData() {
    }

    /** Whether a field of this name holds personal data. */
    public static boolean isPersonalField(String name) {
        return name != null && PERSONAL_FIELD.matcher(name).find() && !NOT_PERSONAL.matcher(name).find();
    }

    /** A copy of a JSON document with personal fields masked and personal data in free text masked. */
    public static JsonNode mask(JsonNode document) {
        return mask(document, false);
    }

    /**
     * A source record with personal values masked, keys and order kept: fields named for personal data
     * entirely, the others where a value has the shape of an e-mail address, a NIK or a mobile number.
     */
    public static java.util.Map<String, Object> maskRecord(java.util.Map<String, ?> fields) {
        java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
        fields.forEach((k, v) -> out.put(k, v == null ? null
                : isPersonalField(k) ? maskValue(String.valueOf(v)) : maskText(String.valueOf(v))));
        return out;
    }

    /** Masks one value of a personal field: {@code 3201********0001}, {@code b***@x.go.id}. */
    public static String maskValue(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        Matcher email = EMAIL.matcher(value);
        if (email.matches()) {
            return email.group(1).charAt(0) + "***" + email.group(2);
        }
        String compact = value.strip();
        // at most the first and last four characters stay, and never more than half the value
        int keep = Math.min(4, compact.length() / 4);
        return compact.substring(0, keep) + "*".repeat(compact.length() - 2 * keep)
                + compact.substring(compact.length() - keep);
    }

    /** Free text with e-mail addresses, NIKs and mobile numbers in it masked; a bare number is left alone. */
    public static String maskText(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        if (BARE_NUMBER.matcher(text).matches()) {
            // an identifier such as a NIB stays; 16 digits alone are a NIK in whatever column a legacy table keeps it
            return NIK.matcher(text).matches() ? maskValue(text) : text;
        }
        String masked = replace(EMAIL, text);
        masked = replace(NIK, masked);
        return replace(MOBILE, masked);
    }

    private static String replace(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(maskValue(m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static JsonNode mask(JsonNode node, boolean personal) {
        if (node == null) {
            return null;
        }
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                copy.set(field.getKey(), mask(field.getValue(), isPersonalField(field.getKey())));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> copy.add(mask(element, personal)));
            return copy;
        }
        if (node.isNull() || node.isMissingNode() || node.isBoolean()) {
            return node;
        }
        if (personal) {
            return TextNode.valueOf(maskValue(node.asText()));
        }
        return node.isTextual() ? TextNode.valueOf(maskText(node.asText())) : node;
    }

    /** 08…, 628… or +628…, 10 to 14 digits, optionally grouped by spaces or dashes (for log lines). */
    private static final Pattern LOGGED_PHONE =
            Pattern.compile("(?<![\\w+])(?:\\+62|62|0)[ -]?8[0-9]{2}(?:[ -]?[0-9]{3,4}){2}[0-9]{0,3}(?![0-9])");
    private static final Pattern LOGGED_EMAIL =
            Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");

    /**
     * Replaces personal data in text about to be logged by a marker ({@code [nik]}, {@code [phone]},
     * {@code [email]}): nothing of it stays, unlike {@link #maskText}, which keeps enough for a person to
     * recognise their own record on screen. For what the gateway does not control: a database's error
     * message quoting a value, an exception from a library.
     */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String redacted = LOGGED_EMAIL.matcher(text).replaceAll("[email]");
        redacted = NIK.matcher(redacted).replaceAll("[nik]");
        return LOGGED_PHONE.matcher(redacted).replaceAll("[phone]");
    }
}
