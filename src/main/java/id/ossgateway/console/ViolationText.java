package id.ossgateway.console;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A validation reason in the user's language. Reasons are stored as field, rule and an English sentence (the API
 * and the result report show that); the console looks the rule up in the message bundles —
 * {@code violation.<rule>.<field>} first, then {@code violation.<rule>} — with the sentence's particulars (its
 * numbers, the quoted name, the listed codes, the date pattern) as arguments. A rule without a bundle entry
 * shows the stored sentence.
 */
@Component("violationText")
public class ViolationText {

    private static final Pattern QUOTED = Pattern.compile("'([^']*)'");
    private static final Pattern NUMBER = Pattern.compile("\\d+");
    private static final Pattern LISTED = Pattern.compile("\\(([^)]*)\\)");

    private final MessageSource messages;

    ViolationText(MessageSource messages) {
        this.messages = messages;
    }

    public String text(RejectView.Reason v) {
        return text(v.field(), v.rule(), v.message());
    }

    public String text(String field, String rule, String message) {
        if (rule == null) {
            return message;
        }
        Object[] args = args(rule, message == null ? "" : message);
        String leaf = field == null ? "" : field.substring(field.lastIndexOf('.') + 1);
        String specific = messages.getMessage("violation." + rule + "." + leaf, args, null, LocaleContextHolder.getLocale());
        return specific != null ? specific
                : messages.getMessage("violation." + rule, args, message, LocaleContextHolder.getLocale());
    }

    private static Object[] args(String rule, String message) {
        List<String> out = new ArrayList<>();
        Matcher m = switch (rule) {
            case "lookup", "unknownField" -> QUOTED.matcher(message);
            case "enum", "mapping", "expression" -> LISTED.matcher(message);
            case "date" -> Pattern.compile(" in (.*)$").matcher(message);
            default -> NUMBER.matcher(message);
        };
        while (m.find()) {
            out.add(m.groupCount() > 0 ? m.group(1) : m.group());
        }
        return out.toArray();
    }
}
