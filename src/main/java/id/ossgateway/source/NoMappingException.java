package id.ossgateway.source;

/** A source delivered records for a system that has no (loadable) mapping; they stay where they are. */
public class NoMappingException extends RuntimeException {

    public NoMappingException(String systemId) {
        super("no mapping loaded for system '" + systemId + "': add or fix mappings/" + systemId + ".yaml");
    }
}
