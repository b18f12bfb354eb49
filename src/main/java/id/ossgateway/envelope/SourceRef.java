package id.ossgateway.envelope;

/**
 * Where a record came from, precise enough to find it again in the OPD's own system.
 *
 * @param kind     what kind of source produced the record
 * @param location {@code table#key} for a row, {@code file:line} for a file, the request id for a push
 */
public record SourceRef(Kind kind, String location) {

    public enum Kind { SQL_ROW, FILE_LINE, REST_PULL, REST_PUSH, REPLAY, DEMO }

    public static SourceRef row(String table, String key) {
        return new SourceRef(Kind.SQL_ROW, table + "#" + key);
    }

    public static SourceRef line(String file, long line) {
        return new SourceRef(Kind.FILE_LINE, file + ":" + line);
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase() + ":" + location;
    }

    public static SourceRef parse(String text) {
        int colon = text.indexOf(':');
        return new SourceRef(Kind.valueOf(text.substring(0, colon).toUpperCase()), text.substring(colon + 1));
    }
}
