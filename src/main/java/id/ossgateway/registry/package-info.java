/**
 * The registry of OPDs and their systems: OPD staff register and submit a system, an operator approves it,
 * and the gateway starts reading it from its source template — no restart, no redeploy. Lifecycle
 * {@code DRAFT → SUBMITTED → APPROVED → ACTIVE}, {@code SUSPENDED} and back, {@code RETIRED} for good.
 * Every change is in the audit log; credentials are sealed with the master key and never returned.
 */
package id.ossgateway.registry;
