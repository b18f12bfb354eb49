/**
 * Personal data in records (NIK, phone, e-mail): masked on screen for roles that do not need it, redacted
 * from logs. One place for the patterns, so the console, the API and the logs agree.
 */
package id.ossgateway.privacy;
