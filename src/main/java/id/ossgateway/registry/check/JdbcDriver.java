package id.ossgateway.registry.check;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The two JDBC drivers an OPD database may be reached with, and the URL properties each may carry. The
 * property allowlist is data: a property is here because it only tunes timeouts, TLS or labels, never
 * because nothing bad is known about it. Everything else (local file loading, socket factories, logger
 * files, deserialisation, unix sockets, init scripts) is refused by not being listed.
 */
public enum JdbcDriver {

    POSTGRESQL("postgresql", 5432, List.of(
            SafeProperty.bool("ssl"),
            SafeProperty.of("sslmode", "disable|allow|prefer|require|verify-ca|verify-full"),
            SafeProperty.of("connectTimeout", "\\d{1,4}"),
            SafeProperty.of("socketTimeout", "\\d{1,5}"),
            SafeProperty.of("loginTimeout", "\\d{1,4}"),
            SafeProperty.of("ApplicationName", "[A-Za-z0-9_.-]{1,63}"),
            SafeProperty.of("currentSchema", "[A-Za-z_][A-Za-z0-9_]{0,62}"),
            SafeProperty.bool("readOnly"),
            SafeProperty.bool("tcpKeepAlive"))),

    // MariaDB Connector/J 3 has no characterEncoding (it always speaks utf8mb4), so it is not listed.
    MARIADB("mariadb", 3306, List.of(
            SafeProperty.of("sslMode", "disable|trust|verify-ca|verify-full"),
            SafeProperty.of("connectTimeout", "\\d{1,7}"),
            SafeProperty.of("socketTimeout", "\\d{1,8}"),
            SafeProperty.bool("useCompression"),
            SafeProperty.bool("tcpKeepAlive")));

    /** A URL property that may be set, under its canonical spelling, with the values it accepts. */
    public record SafeProperty(String name, Pattern value) {

        static SafeProperty of(String name, String valueRegex) {
            return new SafeProperty(name, Pattern.compile(valueRegex, Pattern.CASE_INSENSITIVE));
        }

        static SafeProperty bool(String name) {
            return of(name, "true|false");
        }
    }

    private final String scheme;
    private final int defaultPort;
    private final List<SafeProperty> properties;

    JdbcDriver(String scheme, int defaultPort, List<SafeProperty> properties) {
        this.scheme = scheme;
        this.defaultPort = defaultPort;
        this.properties = properties;
    }

    /** The part after {@code jdbc:}, e.g. {@code postgresql}. */
    public String scheme() {
        return scheme;
    }

    public int defaultPort() {
        return defaultPort;
    }

    public List<SafeProperty> safeProperties() {
        return properties;
    }

    /** The allowed property of that name, matched case-insensitively. */
    Optional<SafeProperty> property(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return properties.stream().filter(p -> p.name().toLowerCase(Locale.ROOT).equals(lower)).findFirst();
    }
}
