package id.ossgateway.source.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an OPD finds in its result report: the file's own line numbers for every format, and headers read right
 * whatever mix of encodings its inbox holds.
 */
class DropLinesTest {

    private static final Charset CP1252 = Charset.forName("windows-1252");

    @TempDir
    Path dir;

    @Test
    void csvRecordsAreReportedOnTheLineTheyStartOnAcrossBlankLinesAndQuotedLineBreaks() throws IOException {
        CountingSink sink = new CountingSink(true);
        List<String> report = read("a.csv", ("no;catatan\r\nA-1;satu\r\n\r\nA-2;\"dua\r\nbaris\"\r\nA-3;tiga")
                .getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8, sink);
        assertThat(report).containsExactly(DropReport.HEADER, "2;ACCEPTED;m-1;", "4;ACCEPTED;m-2;", "6;ACCEPTED;m-3;");
        assertThat(sink.records.get(2).ref().location()).isEqualTo("a.csv:6");
    }

    @Test
    void jsonRecordsAreReportedOnTheLineTheirObjectStartsOn() throws IOException {
        CountingSink sink = new CountingSink(true);
        List<String> report = read("a.json", "[\n  {\"no\": \"A-1\"},\n\n  {\n    \"no\": \"A-2\"\n  }\n]"
                .getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8, sink);
        assertThat(report).containsExactly(DropReport.HEADER, "2;ACCEPTED;m-1;", "4;ACCEPTED;m-2;");
    }

    /** Regression: a UTF-8 BOM leaked into the first header (ï»¿no_registrasi) when the system said windows-1252. */
    @Test
    void aMixedInboxOfUtf8WithBomAndWindows1252IsReadRightUnderEitherConfiguredEncoding() throws IOException {
        byte[] withBom = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                "no_registrasi;nama\r\nA-1;Café\r\n".getBytes(StandardCharsets.UTF_8));
        byte[] cp1252 = "no_registrasi;nama\r\nA-2;Café\r\n".getBytes(CP1252);
        for (Charset configured : List.of(CP1252, StandardCharsets.UTF_8)) {
            CountingSink sink = new CountingSink(true);
            read("bom.csv", withBom, configured, sink);
            if (configured.equals(CP1252)) {
                read("ansi.csv", cp1252, configured, sink);
                assertThat(sink.records.get(1).fields()).containsEntry("no_registrasi", "A-2").containsEntry("nama", "Café");
            }
            assertThat(sink.records.get(0).fields()).as("read as " + configured)
                    .containsOnlyKeys("no_registrasi", "nama").containsEntry("nama", "Café");
        }
    }

    @Test
    void aUtf8BomBeforeJsonIsSkipped() throws IOException {
        CountingSink sink = new CountingSink(true);
        read("b.json", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                "[{\"nama\": \"Café\"}]".getBytes(StandardCharsets.UTF_8)), CP1252, sink);
        assertThat(sink.records.get(0).fields()).containsEntry("nama", "Café");
    }

    private List<String> read(String name, byte[] content, Charset configured, CountingSink sink) throws IOException {
        Path file = Files.write(dir.resolve(name), content);
        Path reportFile = dir.resolve(name + ".result.txt");
        try (DropReport report = new DropReport(reportFile)) {
            DropReader.read(file, name, new DropOptions(';', configured, 500, "record"), sink, report);
        }
        return Files.readAllLines(reportFile);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
