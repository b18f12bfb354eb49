package id.ossgateway.pia;

import java.util.Arrays;
import java.util.Optional;

/**
 * The PIA methods the gateway speaks, with the wrapper object OSS expects around the request body
 * and the one it puts around its reply ({@code respon<method>}).
 */
public enum PiaMethod {
    RECEIVE_LICENSE_STATUS("receiveLicenseStatus", "IZINSTATUS", "kd_status", true),
    RECEIVE_LICENSE("receiveLicense", "IZINFINAL", "status_izin", true),
    UPDATE_LICENSE("updateLicense", "IZINFINAL", "status_izin", true),
    CHECK_LICENSE_STATUS("checkLicenseStatus", "CHECKLICENSESTATUS", null, false),
    GET_DATA_REFERENSI("getDataReferensi", "GETDATAREFERENSI", null, false);

    private final String path;
    private final String wrapper;
    private final String statusField;
    private final boolean document;

    PiaMethod(String path, String wrapper, String statusField, boolean document) {
        this.path = path;
        this.wrapper = wrapper;
        this.statusField = statusField;
        this.document = document;
    }

    /** The method name as it appears in the URL, e.g. {@code receiveLicenseStatus}. */
    public String path() {
        return path;
    }

    /** The object that wraps the request body, e.g. {@code IZINSTATUS}. */
    public String wrapper() {
        return wrapper;
    }

    /** The object that wraps OSS's reply, e.g. {@code responreceiveLicenseStatus}. */
    public String replyWrapper() {
        return "respon" + path;
    }

    /** The field of the document that holds the permit status code (Lampiran 10), if any. */
    public String statusField() {
        return statusField;
    }

    /** True for the documents an OPD delivers through the queue; false for queries. */
    public boolean isDocument() {
        return document;
    }

    public Direction direction() {
        return Direction.TO_OSS;
    }

    public static Optional<PiaMethod> fromPath(String path) {
        return Arrays.stream(values()).filter(m -> m.path.equals(path)).findFirst();
    }
}
