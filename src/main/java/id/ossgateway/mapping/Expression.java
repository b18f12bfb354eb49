package id.ossgateway.mapping;

import com.dashjoin.jsonata.Jsonata;
import java.util.Map;

/**
 * A JSONata expression over a source record, the expression language of camel-jsonata. The parsed
 * expression keeps evaluation state, so each thread gets its own copy.
 */
public final class Expression {

    private final String text;
    private final ThreadLocal<Jsonata> compiled;

    private Expression(String text) {
        this.text = text;
        this.compiled = ThreadLocal.withInitial(() -> Jsonata.jsonata(text));
    }

    /** Parses the expression, failing with JSONata's message when it is not valid. */
    public static Expression parse(String text) {
        Jsonata.jsonata(text); // fail now, at load time, not on the first record
        return new Expression(text);
    }

    public Object evaluate(Map<String, Object> record) {
        return compiled.get().evaluate(record);
    }

    /** True when the expression yields a truthy value (JSONata's boolean rules). */
    public boolean test(Map<String, Object> record) {
        Object result = evaluate(record);
        if (result == null) {
            return false;
        }
        if (result instanceof Boolean b) {
            return b;
        }
        if (result instanceof Number n) {
            return n.doubleValue() != 0;
        }
        if (result instanceof String s) {
            return !s.isEmpty();
        }
        return true;
    }

    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
