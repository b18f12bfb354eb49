package id.ossgateway.osssim;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Valid request bodies to start a test from; a test changes the one field it is about. */
final class PiaBodies {

    static final String ID_IZIN = "I-202111181604410530001";

    private PiaBodies() {
    }

    /** A receiveLicenseStatus body that satisfies every rule, with a data_pnbp. */
    static ObjectNode izinStatus() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ObjectNode doc = body.putObject("IZINSTATUS");
        doc.put("nib", "8120207730001");
        doc.put("id_produk", "P-1001");
        doc.put("id_proyek", "R-202112141140213930001");
        doc.put("oss_id", "P02-201912162112383010001");
        doc.put("id_izin", ID_IZIN);
        doc.put("kd_izin", "033000000001");
        doc.put("kd_instansi", "064");
        doc.put("kd_status", "45");
        doc.put("tgl_status", "2024-06-19 10:15:00");
        doc.put("nip_status", "198001012005011001");
        doc.put("nama_status", "Budi Santoso");
        doc.put("keterangan", "Persyaratan terverifikasi");
        doc.put("persetujuan_form", false);
        doc.put("file_lampiran", "https://dpmptsp.example.go.id/lampiran/001.pdf");
        ObjectNode pnbp = doc.putObject("data_pnbp");
        pnbp.put("kd_akun", "425111");
        pnbp.put("tgl_billing", "2024-06-19");
        pnbp.put("tgl_expire", "2024-06-26");
        pnbp.put("nominal", 150000);
        return body;
    }

    /** A receiveLicense body for the permit of {@link #izinStatus()}, issued (status 50). */
    static ObjectNode izinFinal() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ObjectNode doc = body.putObject("IZINFINAL");
        doc.put("nib", "8120207730001");
        doc.put("id_proyek", "R-202112141140213930001");
        doc.put("oss_id", "P02-201912162112383010001");
        doc.put("id_izin", ID_IZIN);
        doc.put("kd_izin", "033000000001");
        doc.put("kd_daerah", "6472000000");
        doc.put("nomor_izin", "503/001/DPMPTSP/VI/2024");
        doc.put("tgl_terbit_izin", "2024-06-19");
        doc.put("tgl_berlaku_izin", "2029-06-19");
        doc.put("nama_ttd", "Siti Rahmawati");
        doc.put("nip_ttd", "197505052000032002");
        doc.put("jabatan_ttd", "Kepala DPMPTSP");
        doc.put("status_izin", "50");
        doc.put("file_izin", "https://dpmptsp.example.go.id/izin/001.pdf");
        doc.put("thn_berlaku_izin", 5);
        doc.put("jenis_perizinan", "01");
        return body;
    }

    static ObjectNode checkLicenseStatus(String idIzin) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putObject("CHECKLICENSESTATUS").put("id_izin", idIzin);
        return body;
    }

    static ObjectNode getDataReferensi(String kode) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putObject("GETDATAREFERENSI").put("kode", kode);
        return body;
    }

    /** The object inside the wrapper, to change a field. */
    static ObjectNode doc(ObjectNode body) {
        return (ObjectNode) body.elements().next();
    }
}
