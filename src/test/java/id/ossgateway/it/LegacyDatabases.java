package id.ossgateway.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The real legacy databases of this machine: PostgreSQL and MariaDB on 127.0.0.1. Locally a test skips
 * when one is not running; in CI ({@code CI=true}) it fails, because a skipped test proves nothing.
 */
public final class LegacyDatabases {

    public static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test";
    public static final String MARIADB = "jdbc:mariadb://127.0.0.1:3306/test";

    private LegacyDatabases() {
    }

    public static void require(String url, String user) {
        try (Connection c = DriverManager.getConnection(url, user, "")) {
            c.isValid(2);
        } catch (SQLException e) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(url + " is required in CI but not reachable: " + e.getMessage(), e);
            }
            assumeTrue(false, url + " not reachable, skipped outside CI: " + e.getMessage());
        }
    }

    public static Connection connect(String url, String user) throws SQLException {
        return DriverManager.getConnection(url, user, "");
    }
}
