package id.ossgateway.console;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A bar chart of records in and out per hour, drawn by the template as inline SVG: the server computes the
 * geometry, so the page needs no script and no chart library.
 *
 * @param bars  two per hour, "in" then "out", oldest hour first
 * @param ticks hour labels under the bars, every six hours
 * @param max  the largest count in the chart (the height of a full bar)
 */
record ThroughputChart(int width, int height, List<Bar> bars, List<Tick> ticks, long max, long totalIn,
                       long totalOut) {

    /** One bar; {@code label} is the hour it counts, e.g. {@code 14:00}. */
    record Bar(int x, int y, int width, int height, String series, String label, long count) {
    }

    /** An hour label at {@code x}. */
    record Tick(int x, String label) {
    }

    static final int HOURS = 24;

    /**
     * @param firstHour hours since the epoch of the oldest hour shown
     */
    static ThroughputChart of(Map<Long, Long> in, Map<Long, Long> out, long firstHour, int width, int height,
                              ZoneId zone) {
        long max = 1;
        long totalIn = 0;
        long totalOut = 0;
        for (long h = firstHour; h < firstHour + HOURS; h++) {
            max = Math.max(max, Math.max(in.getOrDefault(h, 0L), out.getOrDefault(h, 0L)));
            totalIn += in.getOrDefault(h, 0L);
            totalOut += out.getOrDefault(h, 0L);
        }
        int slot = width / HOURS;
        int barWidth = Math.max(1, (slot - 1) / 2);
        List<Bar> bars = new ArrayList<>(HOURS * 2);
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i < HOURS; i++) {
            long hour = firstHour + i;
            String label = "%02d:00".formatted(Instant.ofEpochSecond(hour * 3600).atZone(zone).getHour());
            bars.add(bar(i * slot, barWidth, height, max, in.getOrDefault(hour, 0L), "in", label));
            bars.add(bar(i * slot + barWidth, barWidth, height, max, out.getOrDefault(hour, 0L), "out", label));
            if (i % 6 == 0) {
                ticks.add(new Tick(i * slot, label));
            }
        }
        return new ThroughputChart(width, height, List.copyOf(bars), List.copyOf(ticks), max, totalIn, totalOut);
    }

    private static Bar bar(int x, int w, int height, long max, long count, String series, String label) {
        // a bar of at least one pixel for any traffic, so a quiet hour with one record is not invisible
        int h = count == 0 ? 0 : Math.max(1, (int) Math.round((double) count * (height - 1) / max));
        return new Bar(x, height - h, w, h, series, label, count);
    }
}
