package id.ossgateway.osssim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.ossgateway.envelope.ContentHash;
import id.ossgateway.pia.CodeLists;
import id.ossgateway.pia.PiaMethod;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * What the simulated OSS knows and answers once a call has passed its faults, user_key and field
 * checks: the latest status of every permit it was told about, and the permit numbers it issued.
 * Thread-safe: one concurrent map, and numbers derived from the id_izin rather than from a counter.
 */
final class SimulatedOss {

    /** What OSS remembers of a permit; {@code status} is the latest kd_status or status_izin received. */
    record Permit(String nib, String idProyek, String idIzin, String status, String fileLampiran) {
    }

    private static final BigInteger SIXTEEN_DIGITS = BigInteger.TEN.pow(16);

    private final ConcurrentMap<String, Permit> permits = new ConcurrentHashMap<>();
    private final ReferenceLists references;

    SimulatedOss(ReferenceLists references) {
        this.references = references;
    }

    /** The answer to a valid body of {@code method}. */
    SimReply answer(PiaMethod method, JsonNode body) {
        JsonNode doc = body.path(method.wrapper());
        return switch (method) {
            case RECEIVE_LICENSE_STATUS -> receiveLicenseStatus(doc);
            case RECEIVE_LICENSE, UPDATE_LICENSE -> license(method, doc);
            case CHECK_LICENSE_STATUS -> checkLicenseStatus(doc);
            case GET_DATA_REFERENSI -> getDataReferensi(doc);
        };
    }

    /**
     * The OSS permit number of an id_izin: {@code SIM-} and 16 digits taken from its hash, so the same
     * permit gets the same number again, even after a reset or a restart.
     */
    static String nomorIzin(String idIzin) {
        BigInteger hash = new BigInteger(ContentHash.of(idIzin), 16);
        return "SIM-" + String.format("%016d", hash.mod(SIXTEEN_DIGITS));
    }

    Optional<Permit> permit(String idIzin) {
        return Optional.ofNullable(permits.get(idIzin));
    }

    /** Forgets every permit, so test cases start from an empty OSS. */
    void clear() {
        permits.clear();
    }

    private SimReply receiveLicenseStatus(JsonNode doc) {
        remember(doc, "kd_status");
        return SimReply.of(PiaMethod.RECEIVE_LICENSE_STATUS.path(), 200, "Sukses", respon -> respon.putObject("dataNIB"));
    }

    private SimReply license(PiaMethod method, JsonNode doc) {
        Permit permit = remember(doc, "status_izin");
        return SimReply.of(method.path(), 200, "Sukses", respon -> {
            respon.put("nomor_izin", nomorIzin(permit.idIzin()));
            if (method == PiaMethod.UPDATE_LICENSE) {
                respon.put("keterangan_reset_izin_ds", "Berhasil Reset DS");
            } else if (doc.hasNonNull("jenis_perizinan")) {
                respon.put("jenis_perizinan", doc.path("jenis_perizinan").asText());
            }
        });
    }

    private SimReply checkLicenseStatus(JsonNode doc) {
        String method = PiaMethod.CHECK_LICENSE_STATUS.path();
        Permit permit = permits.get(doc.path("id_izin").asText());
        if (permit == null) {
            return SimReply.of(method, 404, "Data izin tidak ditemukan");
        }
        return SimReply.of(method, 200, "Sukses", respon -> {
            ObjectNode data = respon.putObject("dataIZIN");
            data.put("nib", permit.nib());
            data.put("id_proyek", permit.idProyek());
            data.put("id_izin", permit.idIzin());
            data.put("kd_status", permit.status());
            data.put("uraian_status", CodeLists.pia().label(CodeLists.PERMIT_STATUS, permit.status())
                    .orElse("Kode status di luar Lampiran 10"));
            data.put("file_lampiran", permit.fileLampiran());
        });
    }

    private SimReply getDataReferensi(JsonNode doc) {
        String method = PiaMethod.GET_DATA_REFERENSI.path();
        List<ReferenceLists.Entry> entries = references.list(doc.path("kode").asText());
        if (entries.isEmpty()) {
            return SimReply.of(method, 404, "Data referensi tidak ditemukan");
        }
        return SimReply.of(method, 200, "Sukses", respon -> {
            ArrayNode list = respon.putArray("dataReferensi");
            entries.forEach(e -> list.addObject()
                    .put("kode_referensi", e.kode_referensi())
                    .put("uraian_referensi", e.uraian_referensi())
                    .put("keterangan_referensi", e.keterangan_referensi()));
        });
    }

    private Permit remember(JsonNode doc, String statusField) {
        Permit received = new Permit(doc.path("nib").asText(), doc.path("id_proyek").asText(),
                doc.path("id_izin").asText(), doc.path(statusField).asText(), doc.path("file_lampiran").asText(""));
        // a status report without attachment does not take away the one OSS already has
        return permits.merge(received.idIzin(), received, (known, latest) -> latest.fileLampiran().isBlank()
                ? new Permit(latest.nib(), latest.idProyek(), latest.idIzin(), latest.status(), known.fileLampiran())
                : latest);
    }
}
