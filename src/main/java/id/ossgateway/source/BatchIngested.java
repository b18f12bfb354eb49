package id.ossgateway.source;

/**
 * A batch was handed over by a source and is now on the outbound queue or in the reject store. A batch read
 * again after a crash is handed over (and published) again; the journal, not this event, drops the copies.
 *
 * @param systemId the OPD system the records came from
 * @param received records in the batch
 */
public record BatchIngested(String systemId, int received, long accepted, long rejected, long skipped) {
}
