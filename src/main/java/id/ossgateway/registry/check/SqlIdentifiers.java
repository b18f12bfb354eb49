package id.ossgateway.registry.check;

import java.util.regex.Pattern;

/**
 * Table and column names that can be written into SQL text as they are. The registry's SQL settings
 * become part of a query (identifiers cannot be bound as parameters), so only plain identifiers pass.
 */
public final class SqlIdentifiers {

    private static final String IDENTIFIER = "[A-Za-z_][A-Za-z0-9_]{0,63}";
    private static final Pattern COLUMN = Pattern.compile(IDENTIFIER);
    private static final Pattern TABLE = Pattern.compile(IDENTIFIER + "(\\." + IDENTIFIER + ")?");

    private SqlIdentifiers() {
    }

    /** A table name, optionally {@code schema.table}. */
    public static String table(String setting, String value) throws BadSettingsException {
        if (value == null || !TABLE.matcher(value).matches()) {
            throw new BadSettingsException(describe(setting, value) + " must be a table name, optionally"
                    + " schema.table, made of letters, digits and '_', not starting with a digit, at most 64"
                    + " characters per part.");
        }
        return value;
    }

    /** A column name. */
    public static String column(String setting, String value) throws BadSettingsException {
        if (value == null || !COLUMN.matcher(value).matches()) {
            throw new BadSettingsException(describe(setting, value) + " must be a column name made of letters,"
                    + " digits and '_', not starting with a digit, at most 64 characters.");
        }
        return value;
    }

    private static String describe(String setting, String value) {
        return value == null || value.isBlank() ? "Setting '" + setting + "' is required and" : "Setting '" + setting + "'";
    }
}
