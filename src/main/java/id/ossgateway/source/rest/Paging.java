package id.ossgateway.source.rest;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/** The request URLs of page-number and offset paging (and of the first request of every kind). */
final class Paging {

    private long index;

    Paging(RestPullSpec spec) {
        this.index = start(spec);
    }

    /** The first page, with these incremental parameters. */
    URI first(RestPullSpec spec, Map<String, String> since) {
        index = start(spec);
        return build(spec, since);
    }

    /** The page after one that held {@code records} records. */
    URI after(RestPullSpec spec, int records, Map<String, String> since) {
        index += spec.paging() == RestPullSpec.Paging.OFFSET ? records : 1;
        return build(spec, since);
    }

    private URI build(RestPullSpec spec, Map<String, String> since) {
        Map<String, String> params = new LinkedHashMap<>(since);
        if (spec.paging() == RestPullSpec.Paging.PAGE || spec.paging() == RestPullSpec.Paging.OFFSET) {
            params.put(spec.pageParam(), String.valueOf(index));
        }
        if (spec.sizeParam() != null) {
            params.put(spec.sizeParam(), String.valueOf(spec.pageSize()));
        }
        return Urls.with(spec.url(), params);
    }

    private static long start(RestPullSpec spec) {
        return spec.paging() == RestPullSpec.Paging.OFFSET ? 0 : spec.firstPage();
    }
}
