package id.ossgateway.pia;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code IZINSTATUS}: one status change of a permit application, sent with {@code receiveLicenseStatus}.
 * Field names are OSS's own; lengths and presence are in {@code pia/schema/receiveLicenseStatus.schema.json}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IzinStatus(
        @JsonProperty("nib") String nib,
        @JsonProperty("id_produk") String idProduk,
        @JsonProperty("id_proyek") String idProyek,
        @JsonProperty("oss_id") String ossId,
        @JsonProperty("id_izin") String idIzin,
        @JsonProperty("kd_izin") String kdIzin,
        @JsonProperty("kd_instansi") String kdInstansi,
        @JsonProperty("kd_status") String kdStatus,
        @JsonProperty("tgl_status") String tglStatus,
        @JsonProperty("nip_status") String nipStatus,
        @JsonProperty("nama_status") String namaStatus,
        @JsonProperty("keterangan") String keterangan,
        @JsonProperty("file_lampiran") String fileLampiran,
        @JsonProperty("persetujuan_form") Boolean persetujuanForm,
        @JsonProperty("data_pnbp") DataPnbp dataPnbp) {

    /** Non-tax state revenue (PNBP) billing attached to a status. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DataPnbp(
            @JsonProperty("kd_akun") String kdAkun,
            @JsonProperty("kd_penerimaan") String kdPenerimaan,
            @JsonProperty("kd_billing") String kdBilling,
            @JsonProperty("tgl_billing") String tglBilling,
            @JsonProperty("tgl_expire") String tglExpire,
            @JsonProperty("nominal") Object nominal,
            @JsonProperty("url_dokumen") String urlDokumen) {
    }

    /** The request body OSS expects: {@code {"IZINSTATUS": {...}}}. */
    public record Request(@JsonProperty("IZINSTATUS") IzinStatus izinStatus) {
    }
}
