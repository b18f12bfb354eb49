package id.ossgateway.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

/** Files as OPDs drop them, for the it-feed mapping, and what of them reached the simulator. */
final class DropFiles {

    private DropFiles() {
    }

    /** windows-1252, BOM-less Excel style: ';', CRLF, quoted field with the delimiter inside. */
    static byte[] csv(String prefix) {
        String header = "id_izin;nib;id_produk;id_proyek;oss_id;kd_izin;kd_instansi;kd_status;tgl_status;nip_status;"
                + "nama_status;keterangan\r\n";
        String row = "%s;9120301234567;P-1;R-2026000001;OSS0000000001;I-012345;001;%s;2026-11-02 10:00:00;"
                + "198001012005011001;Café Petugas;\"catatan; dengan titik koma\"\r\n";
        String text = header + row.formatted(prefix + "-1", "10") + row.formatted(prefix + "-2", "77")
                + row.formatted(prefix + "-3", "20");
        return text.getBytes(Charset.forName("windows-1252"));
    }

    /** Two records as an OPD's XML export might have them: fields as attributes and as child elements. */
    static String xml(String prefix) {
        String record = """
                  <permohonan id_izin="%s" kd_status="%s">
                    <nib>9120301234567</nib><id_produk>P-1</id_produk><id_proyek>R-2026000001</id_proyek>
                    <oss_id>OSS0000000001</oss_id><kd_izin>I-012345</kd_izin><kd_instansi>001</kd_instansi>
                    <tgl_status>2026-11-02 10:00:00</tgl_status><nip_status>198001012005011001</nip_status>
                    <petugas><nama_status>Café Petugas</nama_status></petugas><keterangan>lewat XML</keterangan>
                  </permohonan>
                """;
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<kiriman>\n" + record.formatted(prefix + "-1", "10")
                + record.formatted(prefix + "-2", "77") + "</kiriman>\n";
    }

    /** The documents the simulator accepted (HTTP 200) whose id_izin starts with the prefix. */
    static List<JsonNode> delivered(int port, String prefix) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode call : GatewayTestSupport.get(port, "/oss-sim/_calls?method=receiveLicenseStatus")) {
            JsonNode doc = call.path("body").path("IZINSTATUS");
            if (doc.path("id_izin").asText().startsWith(prefix) && call.path("reply").path("status").asInt() == 200) {
                out.add(doc);
            }
        }
        return out;
    }
}
