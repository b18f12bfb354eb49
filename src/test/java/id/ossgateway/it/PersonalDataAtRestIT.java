package id.ossgateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import id.ossgateway.journal.MessageJournal;
import id.ossgateway.source.Ingest;
import id.ossgateway.source.RejectStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Regression (issue 16): NIKs were stored in clear in the state database (source records kept with rejects).
 * Steps: run records with NIK, phone and e-mail through the gateway on its embedded H2, some delivered and some
 * rejected; flush H2 to disk; scan the database files byte by byte for every one of them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class PersonalDataAtRestIT {

    private static int port;

    @Autowired
    Ingest ingest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RejectStore rejects;
    @Autowired
    MessageJournal journal;
    @Value("${gateway.data-dir}")
    Path dataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        port = GatewayTestSupport.register(registry);
    }

    @Test
    void noNikPhoneOrEmailOfATestRunIsInTheH2Files() throws Exception {
        PersonalDataAtRest run = new PersonalDataAtRest();
        run.run(ingest, port);
        run.readsBack(jdbc, rejects, journal);
        jdbc.execute("checkpoint sync");

        try (Stream<Path> files = Files.walk(dataDir.resolve("state"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                for (String secret : run.secrets) {
                    assertThat(bytes).as("%s holds %s in clear", file.getFileName(), secret).doesNotContain(secret);
                }
            }
        }
    }
}
