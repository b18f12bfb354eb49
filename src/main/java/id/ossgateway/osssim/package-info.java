/**
 * A small fake of OSS RBA, served by the gateway itself at {@code /oss-sim/} when
 * {@code gateway.osssim.enabled=true}. Integrators use it as their sandbox; the gateway's own tests
 * use it as the far end of delivery and count what it received ({@code /oss-sim/_calls},
 * {@code /oss-sim/_stats}).
 *
 * <p>It speaks the PIA 4.3.22 methods an OPD integration uses (receiveLicenseStatus, receiveLicense,
 * updateLicense, checkLicenseStatus, getDataReferensi), checks {@code user_key}, validates bodies
 * against the guide's field list with its own rules (deliberately not the gateway's JSON Schemas, so
 * it is an independent check), remembers permits, and can inject the faults a real OSS shows:
 * errors, latency, throttling, outages, and deterministic failures for tests ({@code /oss-sim/_faults}).
 */
package id.ossgateway.osssim;
