/**
 * Declarative mappings ({@code mappings/<system>.yaml}): how an OPD system's records become PIA documents,
 * with JSONata expressions, value tables and date conversion, validated against the PIA schemas and
 * reloaded without a restart.
 */
package id.ossgateway.mapping;
