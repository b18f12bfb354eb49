package id.ossgateway.source;

import id.ossgateway.envelope.SourceRef;
import java.util.Map;

/**
 * One record as a source read it, before mapping: its place in the source system and its fields
 * (column names in lower case; values as the driver or parser gave them).
 */
public record SourceRecord(SourceRef ref, Map<String, Object> fields) {
}
