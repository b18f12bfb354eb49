package id.ossgateway.source.template;

import java.util.List;

/** A source definition that cannot run: every problem names the parameter or the template. */
public class InvalidSourceException extends RuntimeException {

    private final transient List<String> problems;

    public InvalidSourceException(String sourceId, List<String> problems) {
        super("source " + sourceId + ": " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
