/** The demo OPD of the embedded default run: an in-memory legacy permit table that changes over time. */
package id.ossgateway.demo;
