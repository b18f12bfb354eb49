package id.ossgateway.delivery;

/**
 * OSS refused the document (400, 401, 403, 404, 405): sending it again unchanged cannot help, so it is
 * dead-lettered at once with OSS's code and message, to be fixed and replayed.
 */
public class OssRejectedException extends DeliveryRefusedException {

    public OssRejectedException(int httpStatus, Integer kode, String keterangan) {
        super("OSS refused the document: " + httpStatus + (kode == null ? "" : " kode " + kode)
                + (keterangan == null ? "" : ": " + keterangan), httpStatus, kode, keterangan);
    }
}
