package id.ossgateway.pia;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code IZINFINAL}: the final, issued permit, sent with {@code receiveLicense} (and, with
 * {@code kewenangan}, {@code updateLicense}). OSS replies with its own {@code nomor_izin}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IzinFinal(
        @JsonProperty("nib") String nib,
        @JsonProperty("id_proyek") String idProyek,
        @JsonProperty("oss_id") String ossId,
        @JsonProperty("id_izin") String idIzin,
        @JsonProperty("kd_izin") String kdIzin,
        @JsonProperty("kd_daerah") String kdDaerah,
        @JsonProperty("kewenangan") String kewenangan,
        @JsonProperty("nomor_izin") String nomorIzin,
        @JsonProperty("tgl_terbit_izin") String tglTerbitIzin,
        @JsonProperty("tgl_berlaku_izin") String tglBerlakuIzin,
        @JsonProperty("nama_ttd") String namaTtd,
        @JsonProperty("nip_ttd") String nipTtd,
        @JsonProperty("jabatan_ttd") String jabatanTtd,
        @JsonProperty("status_izin") String statusIzin,
        @JsonProperty("file_izin") String fileIzin,
        @JsonProperty("keterangan") String keterangan,
        @JsonProperty("file_lampiran") String fileLampiran,
        @JsonProperty("nomenklatur_nomor_izin") String nomenklaturNomorIzin,
        @JsonProperty("bln_berlaku_izin") Object blnBerlakuIzin,
        @JsonProperty("thn_berlaku_izin") Object thnBerlakuIzin,
        @JsonProperty("jenis_perizinan") String jenisPerizinan,
        @JsonProperty("data_teknis") DataTeknis dataTeknis) {

    /** Technical data approved with a building permit. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DataTeknis(
            @JsonProperty("id_komitmen") String idKomitmen,
            @JsonProperty("luas_bangunan_disetujui") String luasBangunanDisetujui,
            @JsonProperty("jumlah_lantai_disetujui") String jumlahLantaiDisetujui,
            @JsonProperty("tinggi_bangunan_disetujui") String tinggiBangunanDisetujui,
            @JsonProperty("luas_basement_disetujui") String luasBasementDisetujui,
            @JsonProperty("jumlah_lantai_basement_disetujui") String jumlahLantaiBasementDisetujui) {
    }

    /** The request body OSS expects: {@code {"IZINFINAL": {...}}}. */
    public record Request(@JsonProperty("IZINFINAL") IzinFinal izinFinal) {
    }
}
