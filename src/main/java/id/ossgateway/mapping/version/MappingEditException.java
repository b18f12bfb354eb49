package id.ossgateway.mapping.version;

import java.util.List;

/**
 * A mapping edit that cannot be done, with the reasons (English, for the API) and what kind of refusal it is.
 * Each reason has a message key and arguments for the console, which shows it in the user's language.
 */
public class MappingEditException extends RuntimeException {

    /** How the API answers: 400, 403, 404 or 409. */
    public enum Kind { INVALID, FORBIDDEN, NOT_FOUND, CONFLICT }

    /** One reason: a message key of {@code messages*.properties}, its arguments, and the English text. */
    public record Reason(String key, List<Object> args, String text) {
    }

    private final Kind kind;
    private final transient List<Reason> reasons;

    MappingEditException(Kind kind, List<Reason> reasons) {
        super(String.join("; ", reasons.stream().map(Reason::text).toList()));
        this.kind = kind;
        this.reasons = List.copyOf(reasons);
    }

    static MappingEditException of(Kind kind, String key, String text, Object... args) {
        return new MappingEditException(kind, List.of(new Reason(key, List.of(args), text)));
    }

    public Kind kind() {
        return kind;
    }

    public List<Reason> reasons() {
        return reasons;
    }
}
