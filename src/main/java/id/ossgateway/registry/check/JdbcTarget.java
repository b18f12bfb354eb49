package id.ossgateway.registry.check;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A JDBC URL the policy accepted, taken apart. {@link #url(Map)} rebuilds the URL from these parts so
 * that the driver sees exactly what was checked, not the text the OPD typed.
 *
 * @param properties the allowed properties under their canonical names, in the order given
 */
public record JdbcTarget(JdbcDriver driver, String host, int port, String database, Map<String, String> properties) {

    public JdbcTarget {
        properties = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /** The URL with these properties, overridden by {@code overrides} (e.g. the test's short timeouts). */
    public String url(Map<String, String> overrides) {
        Map<String, String> all = new LinkedHashMap<>(properties);
        all.putAll(overrides);
        String hostPart = host.contains(":") ? "[" + host + "]" : host;
        String query = all.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("&"));
        return "jdbc:" + driver.scheme() + "://" + hostPart + ":" + port + "/" + database
                + (query.isEmpty() ? "" : "?" + query);
    }
}
