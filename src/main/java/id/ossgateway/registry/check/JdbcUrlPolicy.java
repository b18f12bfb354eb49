package id.ossgateway.registry.check;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Accepts only {@code jdbc:postgresql://host[:port]/database[?props]} and
 * {@code jdbc:mariadb://host[:port]/database[?props]} with one host and properties from the driver's
 * allowlist ({@link JdbcDriver}). {@code jdbc:mysql:} is refused with a pointer to {@code jdbc:mariadb:}:
 * MySQL Connector/J is not on the classpath and the MariaDB driver takes the mysql scheme only behind a
 * flag, so one spelling keeps one policy. Every other driver (H2, Derby, ...) is refused, since their
 * URLs can run scripts or open files on the gateway.
 */
public final class JdbcUrlPolicy {

    private static final String SETTING = "jdbcUrl";
    private static final Pattern AUTHORITY =
            Pattern.compile("(?<host>\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9._-]+)(:(?<port>\\d{1,5}))?");
    private static final Pattern DATABASE = Pattern.compile("[A-Za-z0-9_$-][A-Za-z0-9_.$-]{0,62}");
    private static final Pattern PROPERTY_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.]{0,63}");

    /** Takes the URL apart or says, naming the part, why it is not accepted. */
    public JdbcTarget parse(String url) throws BadSettingsException {
        if (url == null || url.isBlank()) {
            throw bad("Setting 'jdbcUrl' is required.");
        }
        JdbcDriver driver = driver(url);
        refuseCharacters(url);
        String rest = url.substring(("jdbc:" + driver.scheme() + "://").length());
        int question = rest.indexOf('?');
        String head = question < 0 ? rest : rest.substring(0, question);
        String query = question < 0 ? "" : rest.substring(question + 1);
        int slash = head.indexOf('/');
        if (slash < 0 || slash == head.length() - 1) {
            throw bad("Setting 'jdbcUrl' must name the database after the host, e.g. jdbc:" + driver.scheme()
                    + "://db.opd.go.id:" + driver.defaultPort() + "/perizinan.");
        }
        Matcher authority = AUTHORITY.matcher(head.substring(0, slash));
        if (!authority.matches()) {
            throw bad("Setting 'jdbcUrl' must have exactly one host, optionally with a port, after '//'.");
        }
        String host = authority.group("host").replace("[", "").replace("]", "");
        int port = port(authority.group("port"), driver);
        String database = head.substring(slash + 1);
        if (!DATABASE.matcher(database).matches()) {
            throw bad("Setting 'jdbcUrl' has a database name that is not accepted: use letters, digits, '_', '-',"
                    + " '.' or '$' only.");
        }
        return new JdbcTarget(driver, host, port, database, properties(query, driver));
    }

    private static void refuseCharacters(String url) throws BadSettingsException {
        if (!url.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw bad("Setting 'jdbcUrl' contains spaces, control or non-ASCII characters.");
        }
        String why = null;
        if (url.contains(";")) {
            why = "options separated by ';' (as in H2 or Derby URLs) are not accepted";
        } else if (url.contains("%")) {
            why = "percent-encoded characters are not accepted";
        } else if (url.contains(",")) {
            why = "it lists several hosts; give exactly one";
        } else if (url.contains("@")) {
            why = "credentials do not go in the URL: the user goes in 'username', the password in the secret";
        } else if (url.contains("\\") || url.contains("#")) {
            why = "'\\' and '#' are not accepted";
        }
        if (why != null) {
            throw bad("Setting 'jdbcUrl' is not accepted: " + why + ".");
        }
    }

    private static JdbcDriver driver(String url) throws BadSettingsException {
        for (JdbcDriver driver : JdbcDriver.values()) {
            String prefix = "jdbc:" + driver.scheme() + ":";
            if (url.startsWith(prefix + "//")) {
                return driver;
            }
            if (url.toLowerCase(Locale.ROOT).startsWith(prefix)) {
                throw bad("Setting 'jdbcUrl' must have the form jdbc:" + driver.scheme()
                        + "://host[:port]/database, with one host and no failover or socket variants.");
            }
        }
        if (url.toLowerCase(Locale.ROOT).startsWith("jdbc:mysql:")) {
            throw bad("Setting 'jdbcUrl' uses jdbc:mysql:, write jdbc:mariadb://host[:port]/database instead:"
                    + " the MariaDB driver the gateway uses talks to MySQL servers too.");
        }
        Matcher scheme = Pattern.compile("^jdbc:([A-Za-z0-9]{1,20})").matcher(url);
        String given = scheme.find() ? "'jdbc:" + scheme.group(1) + "' is" : "this is";
        throw bad("Setting 'jdbcUrl' must be a PostgreSQL (jdbc:postgresql://host[:port]/database) or MariaDB/MySQL"
                + " (jdbc:mariadb://host[:port]/database) URL; " + given + " not accepted.");
    }

    private static int port(String text, JdbcDriver driver) throws BadSettingsException {
        if (text == null) {
            return driver.defaultPort();
        }
        int port = Integer.parseInt(text);
        if (port < 1 || port > 65535) {
            throw bad("Setting 'jdbcUrl' has port " + port + ", outside 1..65535.");
        }
        return port;
    }

    private static Map<String, String> properties(String query, JdbcDriver driver) throws BadSettingsException {
        Map<String, String> accepted = new LinkedHashMap<>();
        if (query.isEmpty()) {
            return accepted;
        }
        Set<String> seen = new HashSet<>();
        for (String pair : query.split("&", -1)) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            if (eq < 0 || !PROPERTY_NAME.matcher(name).matches()) {
                throw bad("Setting 'jdbcUrl' has a malformed property '" + name + "'; write name=value pairs"
                        + " joined by '&'.");
            }
            if (name.equalsIgnoreCase("user") || name.equalsIgnoreCase("password")) {
                throw bad("Setting 'jdbcUrl' must not carry '" + name + "': the user goes in 'username', the"
                        + " password in the secret.");
            }
            JdbcDriver.SafeProperty property = driver.property(name).orElseThrow(() -> bad("Setting 'jdbcUrl' has"
                    + " property '" + name + "', which is not allowed for " + driver.scheme() + "; allowed: "
                    + driver.safeProperties().stream().map(JdbcDriver.SafeProperty::name)
                            .collect(Collectors.joining(", ")) + "."));
            if (!seen.add(property.name())) {
                throw bad("Setting 'jdbcUrl' sets property '" + property.name() + "' twice.");
            }
            String value = pair.substring(eq + 1);
            if (!property.value().matcher(value).matches()) {
                throw bad("Setting 'jdbcUrl' has a value for property '" + property.name() + "' that is not"
                        + " accepted (expected " + property.value().pattern() + ").");
            }
            accepted.put(property.name(), value);
        }
        return accepted;
    }

    private static BadSettingsException bad(String message) {
        return new BadSettingsException(message);
    }
}
