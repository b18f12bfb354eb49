package id.ossgateway.source;

/**
 * A source was polled (or its file checked): published by {@link SourceHealth} so that metrics can follow
 * the set of sources without the sources knowing about metrics.
 *
 * @param sourceId  the source's id, as in health
 * @param succeeded whether the poll succeeded
 */
public record SourcePolled(String sourceId, boolean succeeded) {
}
