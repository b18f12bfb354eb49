package id.ossgateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** The first start on the real schema: one administrator, a random password printed once, stored as bcrypt. */
@ExtendWith(OutputCaptureExtension.class)
class FirstAdministratorTest {

    private final DriverManagerDataSource db = new DriverManagerDataSource(
            "jdbc:h2:mem:first_admin_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    private final JdbcTemplate jdbc = new JdbcTemplate(db);
    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();

    @Test
    void aRandomPasswordIsPrintedOnceAndOnlyItsHashIsStored(CapturedOutput output) {
        Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();
        GatewayUsers users = new GatewayUsers(jdbc, bcrypt, Clock.systemUTC());
        FirstAdministrator first = new FirstAdministrator(users, new SecurityProperties(null));

        first.createIfNone();
        Matcher printed = Pattern.compile("user 'admin' \\(OPERATOR\\) with password\\s+(\\S+)").matcher(output.getOut());
        assertThat(printed.find()).as("the password is printed").isTrue();
        String password = printed.group(1);
        assertThat(password).hasSizeGreaterThanOrEqualTo(20);
        String hash = jdbc.queryForObject("select password_hash from gateway_user where username = 'admin'", String.class);
        assertThat(hash).doesNotContain(password).startsWith("$2");
        assertThat(bcrypt.matches(password, hash)).isTrue();
        assertThat(users.loadUserByUsername("admin").caller().role()).isEqualTo(Role.OPERATOR);

        int printedSoFar = output.getOut().length();
        first.createIfNone(); // the next start
        assertThat(output.getOut().substring(printedSoFar)).doesNotContain("with password");
        assertThat(jdbc.queryForObject("select count(*) from gateway_user", Integer.class)).isEqualTo(1);
    }

    @Test
    void aConfiguredInitialPasswordIsUsedAndNotPrinted(CapturedOutput output) {
        Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();
        GatewayUsers users = new GatewayUsers(jdbc, bcrypt, Clock.systemUTC());
        new FirstAdministrator(users, new SecurityProperties("configured-" + UUID.randomUUID())).createIfNone();
        assertThat(output.getOut()).doesNotContain("configured-").contains("with the configured initial password");
    }
}
