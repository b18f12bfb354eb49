/**
 * Who may do what: users in the state database (bcrypt), roles OPERATOR, INTEGRATOR and OPD_STAFF, API
 * tokens for automation, form login with CSRF protection for browsers. The OSS simulator and REST push keep
 * their own authentication.
 */
package id.ossgateway.security;
