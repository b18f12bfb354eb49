package id.ossgateway.delivery;

/** What became of one HTTP attempt towards OSS. */
public enum AttemptOutcome {
    /** OSS answered 200: it has the document. */
    DELIVERED,
    /** OSS answered 400/401/403/404/405: it will not take the document as it is. */
    REJECTED,
    /** OSS answered with a transient error, or the request never left: OSS does not have it. */
    FAILED,
    /** The request may have reached OSS but no reply came (timeout): ask OSS before resending. */
    UNKNOWN,
    /** No outcome was recorded (crash) or it was unknown, and checkLicenseStatus showed OSS has it. */
    CONFIRMED,
    /** No outcome was recorded or it was unknown, and checkLicenseStatus showed OSS lacks it: resent. */
    NOT_CONFIRMED
}
