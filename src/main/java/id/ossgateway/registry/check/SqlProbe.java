package id.ossgateway.registry.check;

import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;

/**
 * Tests an SQL system: the URL through {@link JdbcUrlPolicy}, the host through the guard, then a login
 * and a query that selects the key and watermark columns from the table without reading a row.
 */
final class SqlProbe {

    private final OutboundGuard guard;
    private final JdbcUrlPolicy policy = new JdbcUrlPolicy();
    private final int timeoutSeconds;

    SqlProbe(OutboundGuard guard, int timeoutSeconds) {
        this.guard = guard;
        this.timeoutSeconds = timeoutSeconds;
    }

    Verdict test(CheckSettings settings) throws BadSettingsException, RefusedTargetException, UnknownHostException {
        JdbcTarget target = policy.parse(settings.required("jdbcUrl"));
        SqlTable sql = new SqlTable(target, settings.required("username"),
                SqlIdentifiers.table("table", settings.optional("table")),
                SqlIdentifiers.column("keyColumn", settings.optional("keyColumn")),
                SqlIdentifiers.column("watermarkColumn", settings.optional("watermarkColumn")));
        guard.check(target.host());
        Properties login = new Properties();
        login.setProperty("user", sql.user());
        login.setProperty("password", settings.secret("password"));
        // the rebuilt URL, not the typed one: the driver sees exactly what the policy accepted
        String url = target.url(timeouts(target.driver()));
        try (Connection connection = open(target.driver(), url, login);
             Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(timeoutSeconds);
            statement.executeQuery(sql.probeQuery()).close();
        } catch (SQLException e) {
            return SqlErrors.verdict(e, sql, settings, timeoutSeconds);
        }
        return Verdict.ok("Connected to the " + sql.where() + " as '" + sql.user() + "'; table '" + sql.table()
                + "' has the columns '" + sql.keyColumn() + "' and '" + sql.watermarkColumn() + "' and can be read.");
    }

    /** Short timeouts for the test, whatever the URL asks for its regular polling. */
    private Map<String, String> timeouts(JdbcDriver driver) {
        return switch (driver) {
            case POSTGRESQL -> Map.of("connectTimeout", String.valueOf(timeoutSeconds),
                    "socketTimeout", String.valueOf(timeoutSeconds),
                    // a backstop above the socket timeouts, so a silent server shows as a read timeout
                    "loginTimeout", String.valueOf(timeoutSeconds * 2));
            case MARIADB -> Map.of("connectTimeout", String.valueOf(timeoutSeconds * 1000),
                    "socketTimeout", String.valueOf(timeoutSeconds * 1000));
        };
    }

    /** The driver itself rather than DriverManager, so no other driver on the classpath claims the URL. */
    private static Connection open(JdbcDriver kind, String url, Properties login) throws SQLException {
        Driver driver = switch (kind) {
            case POSTGRESQL -> new org.postgresql.Driver();
            case MARIADB -> new org.mariadb.jdbc.Driver();
        };
        Connection connection = driver.connect(url, login);
        if (connection == null) {
            throw new IllegalStateException(kind + " driver did not accept its own URL form");
        }
        return connection;
    }
}
