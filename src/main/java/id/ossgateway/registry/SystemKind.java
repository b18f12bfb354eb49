package id.ossgateway.registry;

import java.util.List;
import java.util.Set;

/**
 * What kind of system an OPD registers, with the settings and credentials each kind takes. The names are
 * the ones the connection test and the source templates use.
 */
public enum SystemKind {
    SQL(List.of("jdbcUrl", "username", "table", "watermarkColumn", "keyColumn"), List.of(),
            Set.of("password")),
    FTP(List.of("host", "path", "username"), List.of("port", "passiveMode", "delimiter", "encoding"),
            Set.of("password")),
    /** password or privateKey (OpenSSH/PEM text, unencrypted) */
    SFTP(List.of("host", "path", "username"), List.of("port", "delimiter", "encoding"),
            Set.of("password", "privateKey")),
    FOLDER(List.of("path"), List.of("delimiter", "encoding"), Set.of()),
    /** the settings are the opd-rest-source kamelet's parameters */
    REST_PULL(List.of("url", "keyField"), List.of("auth", "authHeader", "username", "incremental", "sinceParam",
            "watermarkField", "watermarkFormat", "sinceFormat", "cursorPointer", "paging", "pageParam", "firstPage",
            "sizeParam", "pageSize", "nextPointer", "recordsPointer", "connectTimeout", "readTimeout", "minInterval",
            "maxPages"), Set.of("secret")),
    REST_PUSH(List.of(), List.of(), Set.of());

    private final List<String> required;
    private final List<String> optional;
    private final Set<String> secrets;

    SystemKind(List<String> required, List<String> optional, Set<String> secrets) {
        this.required = required;
        this.optional = optional;
        this.secrets = secrets;
    }

    public List<String> requiredSettings() {
        return required;
    }

    public boolean allowsSetting(String name) {
        return required.contains(name) || optional.contains(name);
    }

    public Set<String> secretNames() {
        return secrets;
    }
}
