package id.ossgateway.source.template;

import java.util.Map;
import java.util.TreeMap;

/**
 * One running source: a template instantiated for one OPD system.
 *
 * @param id         stable id, also the route id ({@code dinkes-sql}); the template's own route is
 *                   {@code <id>-read}
 * @param systemId   the OPD system whose records it reads (and whose mapping applies)
 * @param template   the source template's name ({@code opd-sql-source})
 * @param parameters the template parameters other than {@code systemId}, resolved (secrets included)
 */
public record SourceInstance(String id, String systemId, String template, Map<String, String> parameters) {

    private static final String ID = "[a-z0-9][a-z0-9.-]{0,79}";

    public SourceInstance {
        if (id == null || !id.matches(ID)) {
            throw new IllegalArgumentException("source id must be lower-case letters, digits, '-' or '.', got '" + id + "'");
        }
        if (systemId == null || !systemId.matches(ID)) {
            throw new IllegalArgumentException("source " + id + ": system must be lower-case letters, digits, '-' or '.'");
        }
        parameters = Map.copyOf(parameters);
    }

    /** The parameters the template receives: the given ones plus {@code systemId}. */
    public Map<String, String> templateParameters() {
        Map<String, String> all = new TreeMap<>(parameters);
        all.put("systemId", systemId);
        return all;
    }

    public String templateRouteId() {
        return id + "-read";
    }

    @Override
    public String toString() { // parameters may hold credentials
        return "SourceInstance[" + id + " " + template + " for " + systemId + "]";
    }
}
