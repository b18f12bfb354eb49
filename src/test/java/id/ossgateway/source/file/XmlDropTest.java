package id.ossgateway.source.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** XML drops read through {@link DropReader}: records, fields, encodings, and files that must be refused. */
class XmlDropTest {

    private static final Charset CP1252 = Charset.forName("windows-1252");

    @TempDir
    Path dir;

    @Test
    void eachRecordElementIsARecordWithAttributesAndChildElementsAsLowerCaseFields() throws IOException {
        CountingSink sink = new CountingSink(true);
        List<String> report = read("export.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <Kiriman>
                  <!-- two records; the wrapper is not one -->
                  <PERMOHONAN ID_IZIN="A-1" kd_status="10">
                    <NIB>9120301234567</NIB>
                    <pemohon jenis="badan"><nama><![CDATA[PT Maju & Jaya]]></nama></pemohon>
                    <keterangan/>
                  </PERMOHONAN>
                  <permohonan id_izin="A-2"><nib> 9120301234568 </nib></permohonan>
                </Kiriman>
                """.getBytes(StandardCharsets.UTF_8), CP1252, sink);

        assertThat(sink.records).hasSize(2);
        assertThat(sink.records.get(0).fields()).containsExactlyEntriesOf(ordered(
                "id_izin", "A-1", "kd_status", "10", "nib", "9120301234567", "jenis", "badan",
                "nama", "PT Maju & Jaya", "keterangan", null));
        assertThat(sink.records.get(1).fields()).containsExactlyEntriesOf(ordered("id_izin", "A-2",
                "nib", "9120301234568"));
        // positions are file lines, as for CSV: the line each record element starts on
        assertThat(sink.records.get(1).ref().location()).isEqualTo("export.xml:9");
        assertThat(report).containsExactly(DropReport.HEADER, "4;ACCEPTED;m-1;", "9;ACCEPTED;m-2;");
    }

    @Test
    void theDeclaredEncodingWinsOverTheConfiguredOne() throws IOException {
        CountingSink sink = new CountingSink(true);
        read("latin.xml", "<?xml version='1.0' encoding='windows-1252'?><r><permohonan><nama>Café</nama></permohonan></r>"
                .getBytes(CP1252), StandardCharsets.UTF_8, sink);
        assertThat(sink.records.get(0).fields()).containsEntry("nama", "Café");
    }

    @Test
    void withoutADeclarationTheConfiguredEncodingIsUsed() throws IOException {
        CountingSink sink = new CountingSink(true);
        read("plain.xml", "<r><permohonan><nama>Café</nama></permohonan></r>".getBytes(CP1252), CP1252, sink);
        assertThat(sink.records.get(0).fields()).containsEntry("nama", "Café");
    }

    @Test
    void aDoctypeWithAnExternalEntityIsRefusedAndNothingIsReadFromDisk() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "SECRET-CANARY");
        CountingSink sink = new CountingSink(true);
        List<String> report = read("xxe.xml", ("<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM \""
                + secret.toUri() + "\">]>\n<r><permohonan><nama>&x;</nama></permohonan></r>")
                .getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8, sink);
        assertThat(sink.records).isEmpty();
        assertThat(report).hasSize(2);
        assertThat(report.get(1)).startsWith("-;FAILED;;refused: the file has a DOCTYPE").doesNotContain("CANARY");
    }

    @Test
    void aTruncatedFileHandsOverTheCompleteRecordsThenFailsWithTheLine() throws IOException {
        CountingSink sink = new CountingSink(true);
        List<String> report = read("cut.xml", "<r>\n<permohonan><nib>1</nib></permohonan>\n<permohonan><nib>2"
                .getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8, sink);
        assertThat(sink.records).hasSize(1);
        assertThat(report).hasSize(3);
        assertThat(report.get(2)).startsWith("-;FAILED;;XML broken at line 3");
    }

    private List<String> read(String name, byte[] content, Charset configured, CountingSink sink) throws IOException {
        Path file = Files.write(dir.resolve(name), content);
        Path reportFile = dir.resolve(name + ".result.txt");
        try (DropReport report = new DropReport(reportFile)) {
            DropReader.read(file, name, new DropOptions(';', configured, 500, "Permohonan"), sink, report);
        }
        return Files.readAllLines(reportFile);
    }

    private static Map<String, Object> ordered(Object... keyValues) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }
}
