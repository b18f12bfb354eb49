package id.ossgateway.source.rest;

import id.ossgateway.source.Ingest;
import id.ossgateway.source.IngestResult;
import id.ossgateway.source.SourceHealth;
import id.ossgateway.source.SourcePosition;
import id.ossgateway.source.SourcePositions;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Polls an OPD's JSON API page by page and hands each page to {@link Ingest}; the position ({@code
 * updated_since} watermark and key, or the cursor) moves only after {@link Ingest#accept} returned.
 *
 * <p>{@code updated_since} is sent inclusive of the stored watermark and records at or before the stored
 * (watermark, key) are dropped, so records sharing a timestamp with the last one read — also those split by a
 * page boundary — are neither skipped nor sent twice. This assumes what a SQL {@code order by updated_at, id}
 * gives: the API filters {@code updated >= since} and returns records in ascending (watermark, key) order; a page
 * out of that order fails the poll rather than risk a gap. With page or offset paging the first page is asked for
 * again with the new watermark after every page that moved the position, so a record updated during the poll
 * (moving to the end of the list) cannot shift an unread record onto a page already read.
 */
@Component("restPullPoller")
public class RestPullPoller {

    private static final Logger log = LoggerFactory.getLogger(RestPullPoller.class);
    /** The width of source_position.watermark (V3). */
    private static final int MAX_CURSOR = 1024;

    private final JsonApi api;
    private final SourcePositions positions;
    private final Ingest ingest;
    private final SourceHealth health;

    public RestPullPoller(JsonApi api, SourcePositions positions, Ingest ingest, SourceHealth health) {
        this.api = api;
        this.positions = positions;
        this.ingest = ingest;
        this.health = health;
    }

    /** Entry point of the kamelet: the source's parameters are exchange properties named {@code rest.*}. */
    public String poll(Exchange exchange) {
        RestPullSpec spec = new RestPullSpec(
                text(exchange, "systemId"), text(exchange, "name"), URI.create(text(exchange, "url").strip()),
                RestPullSpec.parse(RestPullSpec.Auth.class, text(exchange, "auth")), text(exchange, "authHeader"),
                text(exchange, "username"), text(exchange, "secret"),
                RestPullSpec.parse(RestPullSpec.Incremental.class, text(exchange, "incremental")),
                text(exchange, "sinceParam"), text(exchange, "watermarkField"), text(exchange, "watermarkFormat"),
                text(exchange, "sinceFormat"), text(exchange, "cursorPointer"), text(exchange, "keyField"),
                RestPullSpec.parse(RestPullSpec.Paging.class, text(exchange, "paging")), text(exchange, "pageParam"),
                exchange.getProperty("rest.firstPage", 1, Integer.class), text(exchange, "sizeParam"),
                exchange.getProperty("rest.pageSize", 100, Integer.class), text(exchange, "nextPointer"),
                text(exchange, "recordsPointer"), millis(exchange, "connectTimeout", 5000),
                millis(exchange, "readTimeout", 30_000), millis(exchange, "minInterval", 0),
                exchange.getProperty("rest.maxPages", 20, Integer.class));
        return poll(spec);
    }

    /**
     * Reads up to {@code maxPages} pages; returns a one-line summary. A failure (5xx, timeout, an HTML page,
     * the records not where configured) keeps the position and is reported in health and one log line.
     */
    public String poll(RestPullSpec spec) {
        Tally tally = new Tally();
        try {
            if (spec.incremental() == RestPullSpec.Incremental.CURSOR) {
                pollCursor(spec, tally);
            } else {
                pollPages(spec, tally);
            }
        } catch (RuntimeException e) {
            String reason = e instanceof RestPullFailure ? e.getMessage() : e.toString();
            String detail = reason + (tally.records > 0 ? " (after " + tally.records + " records handed over)" : "");
            health.failed(spec.sourceId(), detail);
            log.warn("poll of {} failed, position kept, retrying next tick: {}", spec.sourceId(), detail);
            // not rethrown: the failure is reported in health and the log, the timer simply ticks again
            return spec.sourceId() + ": poll failed: " + detail;
        }
        String summary = spec.sourceId() + ": " + tally;
        health.succeeded(spec.sourceId(), summary);
        if (tally.records > 0) {
            log.info("polled {}", summary);
        }
        return summary;
    }

    private void pollPages(RestPullSpec spec, Tally tally) {
        boolean incremental = spec.incremental() == RestPullSpec.Incremental.UPDATED_SINCE;
        Watermarks watermarks = new Watermarks(spec);
        SourcePosition position = incremental ? positions.find(spec.sourceId()).orElse(null) : null;
        Paging paging = new Paging(spec);
        URI next = firstPage(spec, watermarks, position, paging);
        for (int request = 0; request < spec.maxPages() && next != null; request++) {
            JsonApi.Reply reply = api.get(spec, next);
            Page page = Page.read(spec, watermarks, reply, incremental, position);
            tally.pages++;
            if (!page.fresh().isEmpty()) {
                tally.add(ingest.accept(spec.systemId(), page.fresh()));
                if (incremental) {
                    position = page.last();
                    positions.save(spec.sourceId(), position);
                }
            }
            next = switch (spec.paging()) {
                case NONE -> null;
                case NEXT_LINK -> page.nextLink();
                case PAGE, OFFSET -> {
                    if (page.size() < spec.pageSize()) {
                        yield null;
                    }
                    if (incremental && !page.fresh().isEmpty()) {
                        yield firstPage(spec, watermarks, position, paging); // see the class comment
                    }
                    yield paging.after(spec, page.size(), sinceParams(spec, watermarks, position));
                }
            };
        }
    }

    private URI firstPage(RestPullSpec spec, Watermarks watermarks, SourcePosition position, Paging paging) {
        return paging.first(spec, sinceParams(spec, watermarks, position));
    }

    private static Map<String, String> sinceParams(RestPullSpec spec, Watermarks watermarks, SourcePosition position) {
        Map<String, String> params = new LinkedHashMap<>();
        if (position != null) {
            params.put(spec.sinceParam(), watermarks.since(position.watermark().text()));
        }
        return params;
    }

    private void pollCursor(RestPullSpec spec, Tally tally) {
        Optional<SourcePosition> stored = positions.find(spec.sourceId());
        String cursor = stored.map(p -> p.watermark().text()).orElse(null);
        for (int request = 0; request < spec.maxPages(); request++) {
            Map<String, String> params = new LinkedHashMap<>();
            if (cursor != null) {
                params.put(spec.sinceParam(), cursor);
            }
            if (spec.sizeParam() != null && !spec.sizeParam().isBlank()) {
                params.put(spec.sizeParam(), String.valueOf(spec.pageSize()));
            }
            JsonApi.Reply reply = api.get(spec, Urls.with(spec.url(), params));
            Page page = Page.read(spec, null, reply, false, null);
            tally.pages++;
            String next = Page.text(reply.body(), spec.cursorPointer());
            if (!page.fresh().isEmpty()) {
                tally.add(ingest.accept(spec.systemId(), page.fresh()));
            }
            if (next == null || next.equals(cursor)) {
                break; // the API has nothing further; asking again with the same cursor is the next poll's job
            }
            if (next.length() > MAX_CURSOR) {
                throw new RestPullFailure("cursor at " + spec.cursorPointer() + " is longer than " + MAX_CURSOR
                        + " characters and cannot be stored");
            }
            positions.save(spec.sourceId(), new SourcePosition(
                    new SourcePosition.Value(SourcePosition.Type.TEXT, next), null));
            cursor = next;
            if (page.size() == 0) {
                break;
            }
        }
    }

    private static String text(Exchange exchange, String name) {
        String v = exchange.getProperty("rest." + name, String.class);
        return v == null || v.isBlank() ? null : v;
    }

    private static Duration millis(Exchange exchange, String name, long fallback) {
        return Duration.ofMillis(exchange.getProperty("rest." + name, fallback, Long.class));
    }

    /** What one poll did, for the summary. */
    private static final class Tally {
        int pages;
        long records;
        long accepted;
        long rejected;
        long skipped;

        void add(IngestResult result) {
            records += result.outcomes().size();
            accepted += result.accepted();
            rejected += result.rejected();
            skipped += result.skipped();
        }

        @Override
        public String toString() {
            return pages + " pages, " + records + " records, " + accepted + " accepted, " + rejected + " rejected, "
                    + skipped + " skipped";
        }
    }
}
