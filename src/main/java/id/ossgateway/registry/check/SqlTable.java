package id.ossgateway.registry.check;

/** What an SQL system's settings name once checked: where, as whom, and which table and columns. */
record SqlTable(JdbcTarget target, String user, String table, String keyColumn, String watermarkColumn) {

    String probeQuery() {
        // identifiers were validated by SqlIdentifiers; 1=0 reads the columns' metadata, not the rows
        return "select " + keyColumn + ", " + watermarkColumn + " from " + table + " where 1=0";
    }

    String where() {
        return "database '" + target.database() + "' on " + target.host() + ":" + target.port();
    }
}
