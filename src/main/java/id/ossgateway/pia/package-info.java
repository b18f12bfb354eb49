/**
 * The contract towards OSS: the PIA 4.3.22 methods, the documents an OPD sends ({@code IZINSTATUS},
 * {@code IZINFINAL}) with OSS's own field names, their JSON Schemas, the code lists (Lampiran) and
 * the shape of OSS's replies. Nothing here talks to the network.
 */
package id.ossgateway.pia;
