package id.ossgateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The console's two languages carry the same labels, and every label a template names literally exists —
 * a missing one would show as {@code ??key_id??} on the page.
 */
class ConsoleMessagesTest {

    private static final Path RESOURCES = Paths.get("src/main/resources");
    private static final Pattern LITERAL_KEY = Pattern.compile("#\\{([A-Za-z][A-Za-z0-9.]*)[}(]");

    @Test
    void englishAndIndonesianHaveTheSameKeys() throws IOException {
        assertThat(load("messages_id.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(load("messages.properties").stringPropertyNames());
    }

    @Test
    void everyLabelATemplateNamesExists() throws IOException {
        Set<String> keys = load("messages.properties").stringPropertyNames();
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(RESOURCES.resolve("templates"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Matcher m = LITERAL_KEY.matcher(Files.readString(file));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        assertThat(used).isNotEmpty();
        assertThat(keys).containsAll(used);
    }

    @Test
    void everyMenuEntryHasALabel() throws IOException {
        Set<String> keys = load("messages.properties").stringPropertyNames();
        for (ConsolePage page : ConsolePage.values()) {
            assertThat(keys).contains(page.label());
        }
    }

    /** The console shows connection-test verdicts and audit actions in the user's language: each has its label. */
    @Test
    void everyVerdictAndEveryAuditActionHasALabel() throws IOException {
        Set<String> keys = load("messages_id.properties").stringPropertyNames();
        for (id.ossgateway.registry.check.VerdictCode code : id.ossgateway.registry.check.VerdictCode.values()) {
            assertThat(keys).contains("verdict." + code);
        }
        Pattern recorded = Pattern.compile("(?:audit\\.record\\([^,]+,\\s*|move\\([^;]*?|save\\([^;]*?)\"([a-zA-Z_]+[.-][a-z.-]+|[A-Z_]{6,})\"");
        Set<String> actions = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Paths.get("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = recorded.matcher(Files.readString(file));
                while (m.find()) {
                    actions.add(m.group(1));
                }
            }
        }
        assertThat(actions).contains("system.created", "system.approved", "mapping.approved", "DEAD_LETTER_REPLAY");
        for (String action : actions) {
            assertThat(keys).as("label of audit action " + action).contains("audit." + action);
        }
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(RESOURCES.resolve(name), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }
}
