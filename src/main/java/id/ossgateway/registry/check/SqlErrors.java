package id.ossgateway.registry.check;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.Locale;

/**
 * Reads PostgreSQL SQLStates and MariaDB error codes as verdicts. Both drivers report login failures
 * under SQLState class 28; the rest differ, so each code is listed with its driver.
 */
final class SqlErrors {

    private SqlErrors() {
    }

    static Verdict verdict(SQLException e, SqlTable sql, CheckSettings settings, int timeoutSeconds) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        int code = e.getErrorCode();
        String said = " The server said: " + settings.redact(e.getMessage());
        if (e instanceof SQLTimeoutException || state.equals("57014") || code == 1969 || code == 3024) {
            return NetworkErrors.timeout("database", sql.target().host(), sql.target().port(), timeoutSeconds);
        }
        if (state.isEmpty() || state.startsWith("08")) {
            return NetworkErrors.verdict(e, "database", sql.target().host(), sql.target().port(), timeoutSeconds)
                    .orElse(Verdict.failed(VerdictCode.HOST_UNREACHABLE, "Could not open a session with "
                            + sql.where() + "." + said));
        }
        if (state.startsWith("28") || code == 1045 || code == 1044) {
            return Verdict.failed(VerdictCode.AUTH_FAILED, "The " + sql.where() + " refused user '" + sql.user()
                    + "': wrong password, unknown user, or the user may not log in from the gateway's address."
                    + said);
        }
        if (state.equals("3D000") || code == 1049) {
            return Verdict.failed(VerdictCode.BAD_SETTINGS, "The database '" + sql.target().database()
                    + "' named in setting 'jdbcUrl' does not exist on " + sql.target().host() + "." + said);
        }
        if (state.equals("42P01") || state.equals("3F000") || code == 1146) {
            return Verdict.failed(VerdictCode.TABLE_MISSING, "Table '" + sql.table() + "' (setting 'table') does"
                    + " not exist in the " + sql.where() + ", or user '" + sql.user() + "' cannot see it." + said);
        }
        if (state.equals("42703") || code == 1054) {
            return Verdict.failed(VerdictCode.COLUMN_MISSING, missingColumn(e.getMessage(), sql) + said);
        }
        if (state.equals("42501") || code == 1142 || code == 1143) {
            return Verdict.failed(VerdictCode.NO_READ_PERMISSION, "User '" + sql.user() + "' may not read table '"
                    + sql.table() + "' in the " + sql.where() + "; ask the OPD's DBA for SELECT on it." + said);
        }
        // no closer code exists: the settings led to a query the database would not run
        return Verdict.failed(VerdictCode.BAD_SETTINGS, "The " + sql.where() + " rejected the test query on table '"
                + sql.table() + "' (SQLState " + state + ", code " + code + ")." + said);
    }

    private static String missingColumn(String serverMessage, SqlTable sql) {
        String message = serverMessage == null ? "" : serverMessage.toLowerCase(Locale.ROOT);
        boolean key = message.contains(sql.keyColumn().toLowerCase(Locale.ROOT));
        boolean watermark = message.contains(sql.watermarkColumn().toLowerCase(Locale.ROOT));
        if (key != watermark) {
            String column = key ? sql.keyColumn() : sql.watermarkColumn();
            String setting = key ? "keyColumn" : "watermarkColumn";
            return "Column '" + column + "' (setting '" + setting + "') does not exist in table '" + sql.table() + "'.";
        }
        return "Column '" + sql.keyColumn() + "' (setting 'keyColumn') or '" + sql.watermarkColumn()
                + "' (setting 'watermarkColumn') does not exist in table '" + sql.table() + "'.";
    }
}
