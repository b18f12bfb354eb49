/**
 * The message journal: one row per accepted record with its current state, and an append-only list
 * of every hop (received, queued, each attempt, delivered, dead-lettered, replayed). It is what the
 * console searches and what an operator reads to answer "did OSS get it?".
 */
package id.ossgateway.journal;
