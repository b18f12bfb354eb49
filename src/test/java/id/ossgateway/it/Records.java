package id.ossgateway.it;

import id.ossgateway.envelope.SourceRef;
import id.ossgateway.source.SourceRecord;
import java.util.LinkedHashMap;
import java.util.Map;

/** Source records for the pass-through mapping {@code it-feed}: fields named like the PIA's. */
public final class Records {

    private Records() {
    }

    public static SourceRecord status(String idIzin, String kdStatus, String tglStatus) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("nib", "9120301234567");
        f.put("id_produk", "P-" + idIzin);
        f.put("id_proyek", "R-2026000001");
        f.put("oss_id", "OSS0000000001");
        f.put("id_izin", idIzin);
        f.put("kd_izin", "I-012345");
        f.put("kd_instansi", "001");
        f.put("kd_status", kdStatus);
        f.put("tgl_status", tglStatus);
        f.put("nip_status", "198001012005011001");
        f.put("nama_status", "Petugas Verifikasi");
        f.put("keterangan", "status " + kdStatus);
        return new SourceRecord(SourceRef.row("it_table", idIzin + "/" + kdStatus + "/" + tglStatus), f);
    }

    public static SourceRecord licence(String idIzin) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("nib", "9120301234567");
        f.put("id_proyek", "R-2026000001");
        f.put("oss_id", "OSS0000000001");
        f.put("id_izin", idIzin);
        f.put("kd_izin", "I-012345");
        f.put("kd_daerah", "5206000000");
        f.put("nomor_izin", "503/" + idIzin + "/2026");
        f.put("tgl_terbit_izin", "2026-11-02");
        f.put("tgl_berlaku_izin", "2031-11-02");
        f.put("nama_ttd", "Kepala Dinas");
        f.put("nip_ttd", "197501012000031001");
        f.put("jabatan_ttd", "Kepala DPMPTSP");
        f.put("status_izin", "50");
        return new SourceRecord(SourceRef.row("it_table", idIzin + "/final"), f);
    }
}
