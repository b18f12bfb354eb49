package id.ossgateway.osssim;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/**
 * One daily outage of the simulated OSS, e.g. {@code "01:00-03:00"}: from {@code start} inclusive to
 * {@code end} exclusive, running over midnight when {@code end} is before {@code start}.
 */
record OutageWindow(LocalTime start, LocalTime end) {

    /** The accepted shape, {@code HH:mm-HH:mm} on a 24-hour clock. */
    static final String SHAPE = "^([01]\\d|2[0-3]):[0-5]\\d-([01]\\d|2[0-3]):[0-5]\\d$";

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    OutageWindow {
        if (start.equals(end)) {
            // an empty window is surely a typo; refuse it rather than silently never fire
            throw new IllegalArgumentException("outage window starts and ends at " + start);
        }
    }

    static OutageWindow parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        if (!trimmed.matches(SHAPE)) {
            throw new IllegalArgumentException("outage window '" + text + "' is not HH:mm-HH:mm");
        }
        String[] parts = trimmed.split("-");
        return new OutageWindow(LocalTime.parse(parts[0], HH_MM), LocalTime.parse(parts[1], HH_MM));
    }

    boolean contains(LocalTime time) {
        if (start.isBefore(end)) {
            return !time.isBefore(start) && time.isBefore(end);
        }
        return !time.isBefore(start) || time.isBefore(end);
    }
}
