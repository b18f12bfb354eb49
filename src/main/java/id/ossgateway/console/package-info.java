/**
 * The operator console: server-rendered pages under {@code /console} (Thymeleaf, no JavaScript build) in
 * Bahasa Indonesia and English. Overview per OPD system, rejects and their replay, the mapping preview and the
 * registry screens. The pages call the features' own services, which enforce tenancy; the console adds only
 * presentation — and masking of personal data for the roles that do not need it.
 */
package id.ossgateway.console;
