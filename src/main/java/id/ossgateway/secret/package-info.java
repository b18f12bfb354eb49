/**
 * Credentials at rest: AES-GCM under a master key that lives outside the database (environment or a key
 * file), with key ids so the key can be rotated while old ciphertext stays readable.
 */
package id.ossgateway.secret;
