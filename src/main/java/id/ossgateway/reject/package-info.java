/** Operators' access to the reject store: list, inspect, and replay rejects after a fix. */
package id.ossgateway.reject;
