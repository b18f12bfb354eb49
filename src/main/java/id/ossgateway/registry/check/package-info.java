/**
 * Safety and diagnostics for the OPD system registry: which hosts the gateway may reach
 * ({@link id.ossgateway.registry.check.OutboundGuard}), which JDBC URLs, SQL identifiers and paths are
 * acceptable, and a real connection test per kind of system
 * ({@link id.ossgateway.registry.check.ConnectionTester}) that answers OPD IT staff with a
 * {@link id.ossgateway.registry.check.Verdict} they can act on.
 */
package id.ossgateway.registry.check;
