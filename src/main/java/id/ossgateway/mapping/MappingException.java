package id.ossgateway.mapping;

import java.nio.file.Path;

/** A mapping file that cannot be used, with the place of the first problem. */
public class MappingException extends RuntimeException {

    private final transient Path file;
    private final int line;
    private final String field;

    public MappingException(Path file, int line, String field, String problem) {
        super(file + (line > 0 ? ":" + line : "") + (field == null ? "" : " [" + field + "]") + ": " + problem);
        this.file = file;
        this.line = line;
        this.field = field;
    }

    public Path file() {
        return file;
    }

    public int line() {
        return line;
    }

    public String field() {
        return field;
    }
}
