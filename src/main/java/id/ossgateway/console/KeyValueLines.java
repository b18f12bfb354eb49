package id.ossgateway.console;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code name=value} lines, as forms take settings and corrections: one per line, blank lines and lines
 * starting with {@code #} ignored, the value may contain {@code =}, surrounding spaces are dropped.
 */
final class KeyValueLines {

    private KeyValueLines() {
    }

    /** @throws IllegalArgumentException naming the line that has no {@code =} or no name */
    static Map<String, String> parse(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        String[] lines = text == null ? new String[0] : text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("line " + (i + 1) + ": expected name=value, got \"" + line + "\"");
            }
            out.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
        }
        return out;
    }

    static String format(Map<String, ?> values) {
        StringBuilder b = new StringBuilder();
        values.forEach((k, v) -> b.append(k).append('=').append(v).append('\n'));
        return b.toString();
    }
}
