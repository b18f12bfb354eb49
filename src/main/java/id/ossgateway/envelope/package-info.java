/**
 * The envelope every record travels in, from the moment a source reads it until OSS has it: who
 * sent it, where it came from, which PIA method it goes to, its business key and content hash. The
 * envelope is the JMS message body and the journal's unit, so nodes of a cluster share nothing else.
 */
package id.ossgateway.envelope;
