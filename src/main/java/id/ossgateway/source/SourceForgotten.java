package id.ossgateway.source;

/** A source was removed (or its refused file fixed): it leaves health and metrics. */
public record SourceForgotten(String sourceId) {
}
