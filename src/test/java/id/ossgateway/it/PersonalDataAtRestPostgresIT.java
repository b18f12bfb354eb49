package id.ossgateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import id.ossgateway.journal.MessageJournal;
import id.ossgateway.source.Ingest;
import id.ossgateway.source.RejectStore;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The at-rest scan on PostgreSQL, the production state database: the same test run in a schema of its own, then
 * every text column of every table searched for the run's NIKs, phone numbers and e-mail addresses.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class PersonalDataAtRestPostgresIT {

    private static final String SCHEMA = "pdr_" + UUID.randomUUID().toString().substring(0, 8);
    private static int port;

    @Autowired
    Ingest ingest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RejectStore rejects;
    @Autowired
    MessageJournal journal;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        LegacyDatabases.require(LegacyDatabases.POSTGRES, "postgres");
        try (Connection c = LegacyDatabases.connect(LegacyDatabases.POSTGRES, "postgres")) {
            c.createStatement().execute("create schema " + SCHEMA);
        }
        port = GatewayTestSupport.register(registry);
        registry.add("spring.datasource.url", () -> LegacyDatabases.POSTGRES + "?currentSchema=" + SCHEMA);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.flyway.schemas", () -> SCHEMA);
    }

    @Test
    void noNikPhoneOrEmailOfATestRunIsInAnyPostgresTable() {
        PersonalDataAtRest run = new PersonalDataAtRest();
        run.run(ingest, port);
        run.readsBack(jdbc, rejects, journal);

        List<Map<String, Object>> columns = jdbc.queryForList("select table_name, column_name from"
                + " information_schema.columns where table_schema = ? and data_type in ('character varying', 'text')",
                SCHEMA);
        assertThat(columns).hasSizeGreaterThan(20);
        for (Map<String, Object> c : columns) {
            String sql = "select count(*) from " + SCHEMA + "." + c.get("table_name") + " where " + c.get("column_name")
                    + " like ?";
            for (String secret : run.secrets) {
                assertThat(jdbc.queryForObject(sql, Integer.class, "%" + secret + "%"))
                        .as("%s.%s holds %s in clear", c.get("table_name"), c.get("column_name"), secret).isZero();
            }
        }
    }
}
