package id.ossgateway.mapping.version;

import java.time.Instant;

/**
 * One saved version of a system's mapping.
 *
 * @param basedOn the version it was edited from (null for the first, or one started from the file)
 * @param note    the author's note, or the reason it was rejected
 * @param live    whether it is the version in force now
 */
public record MappingVersion(String systemId, int versionNo, VersionState state, Integer basedOn, String note,
                             String createdBy, Instant createdAt, String decidedBy, Instant decidedAt, boolean live) {

    /** How it appears in journal events and rejects: {@code <system>@v<n>}. */
    public String label() {
        return label(systemId, versionNo);
    }

    static String label(String systemId, int versionNo) {
        return systemId + "@v" + versionNo;
    }
}
