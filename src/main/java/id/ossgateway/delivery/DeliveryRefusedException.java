package id.ossgateway.delivery;

/**
 * The destination refused the document: sending it again unchanged cannot help, so it is dead-lettered at
 * once with the destination's reply, to be fixed and replayed. Any other exception of a destination is
 * retried with backoff.
 */
public class DeliveryRefusedException extends RuntimeException {

    private final Integer httpStatus;
    private final Integer kode;
    private final String keterangan;

    public DeliveryRefusedException(String message, Integer httpStatus, Integer kode, String keterangan) {
        super(message);
        this.httpStatus = httpStatus;
        this.kode = kode;
        this.keterangan = keterangan;
    }

    /** The HTTP status of the refusal, when the destination speaks HTTP. */
    public Integer httpStatus() {
        return httpStatus;
    }

    /** The PIA response code (Lampiran 9), when the destination answered in PIA shape. */
    public Integer kode() {
        return kode;
    }

    public String keterangan() {
        return keterangan;
    }
}
