/**
 * What all sources share: the hand-over of read records ({@link id.ossgateway.source.Ingest}), the reject
 * store, source positions in the state database, and per-source health. Each kind of source lives in a
 * sub-package.
 */
package id.ossgateway.source;
