package id.ossgateway.registry.check;

/** What a connection test found, coarse enough for a registry form to react to. */
public enum VerdictCode {
    OK,
    BAD_SETTINGS,
    REFUSED_TARGET,
    HOST_UNREACHABLE,
    TIMEOUT,
    AUTH_FAILED,
    TABLE_MISSING,
    COLUMN_MISSING,
    FOLDER_MISSING,
    NO_READ_PERMISSION,
    NOT_JSON,
    HTTP_ERROR
}
