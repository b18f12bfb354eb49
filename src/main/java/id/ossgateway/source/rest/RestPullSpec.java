package id.ossgateway.source.rest;

import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * One JSON API of an OPD system, as the {@code opd-rest-source} kamelet passes it.
 *
 * @param systemId       the OPD system (and mapping) the records belong to
 * @param name           the name in source references and positions ({@code systemId:name}); defaults to the system id
 * @param url            the endpoint, without credentials
 * @param auth           how to authenticate
 * @param authHeader     the header carrying the key when {@code auth} is {@link Auth#API_KEY}
 * @param username       the user of {@link Auth#BASIC}
 * @param secret         the API key, Basic password or bearer token (from the environment, never a file)
 * @param incremental    how the next poll asks only for what changed
 * @param sinceParam     query parameter of {@link Incremental#UPDATED_SINCE}, or of the cursor for {@link Incremental#CURSOR}
 * @param watermarkField record field that grows with every change ({@code updated_since} mode)
 * @param watermarkFormat how the API writes the watermark ({@link DateTimeFormatter} pattern), so values compare as
 *                       times; empty compares numbers as numbers and anything else as text
 * @param sinceFormat    how to write the watermark into {@code sinceParam}; empty sends it as the API wrote it
 * @param cursorPointer  JSON pointer of the next cursor in the reply ({@code cursor} mode)
 * @param keyField       record field that identifies a record and orders records sharing a watermark
 * @param paging         how further pages are asked for
 * @param pageParam      query parameter of the page number or the offset
 * @param firstPage      number of the first page (0 or 1, as the API counts)
 * @param sizeParam      query parameter of the page size; empty to send none
 * @param pageSize       records per page; at most what the API serves, as a shorter page ends the poll
 * @param nextPointer    JSON pointer of the next page's link ({@code nextLink} paging); relative links are resolved
 * @param recordsPointer JSON pointer of the array of records in a reply; empty when the reply is the array
 * @param connectTimeout how long to wait for the connection
 * @param readTimeout    how long to wait for a reply
 * @param minInterval    least time between two requests to this API, to be polite to a small office server
 * @param maxPages       requests per poll at most, so a backlog drains without one endless poll
 */
public record RestPullSpec(
        String systemId,
        String name,
        URI url,
        Auth auth,
        String authHeader,
        String username,
        String secret,
        Incremental incremental,
        String sinceParam,
        String watermarkField,
        String watermarkFormat,
        String sinceFormat,
        String cursorPointer,
        String keyField,
        Paging paging,
        String pageParam,
        int firstPage,
        String sizeParam,
        int pageSize,
        String nextPointer,
        String recordsPointer,
        Duration connectTimeout,
        Duration readTimeout,
        Duration minInterval,
        int maxPages) {

    public enum Auth { NONE, API_KEY, BASIC, BEARER }

    public enum Incremental { NONE, UPDATED_SINCE, CURSOR }

    public enum Paging { NONE, PAGE, OFFSET, NEXT_LINK }

    public RestPullSpec {
        require(systemId, "systemId");
        if (url == null || !url.isAbsolute() || !url.getScheme().matches("https?")) {
            throw new IllegalArgumentException("source " + systemId + ": url must be an absolute http(s) URL");
        }
        if (url.getRawUserInfo() != null) {
            throw new IllegalArgumentException("source " + systemId + ": no credentials in the url; use auth and secret");
        }
        require(keyField, "keyField");
        name = blank(name) ? systemId : name;
        auth = auth == null ? Auth.NONE : auth;
        incremental = incremental == null ? Incremental.NONE : incremental;
        paging = paging == null ? Paging.NONE : paging;
        if (auth != Auth.NONE && blank(secret)) {
            throw new IllegalArgumentException("source " + systemId + ": auth " + auth + " needs a secret");
        }
        if (auth == Auth.BASIC) {
            require(username, "username (Basic auth)");
        }
        authHeader = blank(authHeader) ? "X-Api-Key" : authHeader;
        switch (incremental) {
            case UPDATED_SINCE -> {
                require(sinceParam, "sinceParam");
                require(watermarkField, "watermarkField");
                if (!blank(sinceFormat) && blank(watermarkFormat)) {
                    throw new IllegalArgumentException("source " + systemId + ": sinceFormat needs watermarkFormat");
                }
            }
            case CURSOR -> {
                require(sinceParam, "sinceParam");
                require(cursorPointer, "cursorPointer");
                if (paging != Paging.NONE) {
                    throw new IllegalArgumentException("source " + systemId + ": a cursor is the paging; set paging none");
                }
            }
            case NONE -> { }
        }
        if ((paging == Paging.PAGE || paging == Paging.OFFSET) && blank(pageParam)) {
            throw new IllegalArgumentException("source " + systemId + ": paging " + paging + " needs pageParam");
        }
        if (paging == Paging.NEXT_LINK) {
            require(nextPointer, "nextPointer");
        }
        if (pageSize < 1 || pageSize > 10_000) {
            throw new IllegalArgumentException("pageSize must be between 1 and 10000");
        }
        watermarkFormat = blank(watermarkFormat) ? null : watermarkFormat;
        sinceFormat = blank(sinceFormat) ? null : sinceFormat;
        if (watermarkFormat != null) {
            DateTimeFormatter.ofPattern(watermarkFormat); // a typo fails at start, not at the first record
        }
        if (sinceFormat != null) {
            DateTimeFormatter.ofPattern(sinceFormat);
        }
        recordsPointer = recordsPointer == null ? "" : pointer(recordsPointer, "recordsPointer");
        cursorPointer = blank(cursorPointer) ? null : pointer(cursorPointer, "cursorPointer");
        nextPointer = blank(nextPointer) ? null : pointer(nextPointer, "nextPointer");
        sizeParam = blank(sizeParam) ? null : sizeParam;
        connectTimeout = positive(connectTimeout, Duration.ofSeconds(5));
        readTimeout = positive(readTimeout, Duration.ofSeconds(30));
        minInterval = minInterval == null || minInterval.isNegative() ? Duration.ZERO : minInterval;
        maxPages = Math.max(1, maxPages);
    }

    /** Kamelet spelling ({@code apiKey}, {@code updatedSince}, {@code nextLink}) to the enum. */
    static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (blank(value)) {
            return null;
        }
        String wanted = value.strip().replace("_", "").replace("-", "");
        for (E e : type.getEnumConstants()) {
            if (e.name().replace("_", "").equalsIgnoreCase(wanted)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown " + type.getSimpleName().toLowerCase(Locale.ROOT) + " '" + value + "'");
    }

    /**
     * A JSON pointer ({@code /data/items}); the simple JSONPath {@code $.data.items} is taken too, as API
     * documentation tends to write it that way.
     */
    static String pointer(String value, String what) {
        String p = value.strip();
        if (p.equals("$")) {
            return "";
        }
        if (p.startsWith("$.")) {
            p = "/" + p.substring(2).replace('.', '/');
        }
        if (!p.isEmpty() && !p.startsWith("/")) {
            throw new IllegalArgumentException(what + " must be a JSON pointer like /data/items, got '" + value + "'");
        }
        com.fasterxml.jackson.core.JsonPointer.compile(p);
        return p;
    }

    /** The key of this source's position and health. */
    public String sourceId() {
        return systemId + ":" + name;
    }

    private static void require(String v, String what) {
        if (blank(v)) {
            throw new IllegalArgumentException(what + " is required");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static Duration positive(Duration d, Duration fallback) {
        return d == null || d.isZero() || d.isNegative() ? fallback : d;
    }

    @Override
    public String toString() { // no secret
        return "RestPullSpec[" + systemId + " " + Urls.safe(url) + " auth " + auth + "]";
    }
}
