/**
 * Route definitions in {@code routes/*.camel.yaml}, reloaded while the gateway runs. A changed file goes live
 * only if it loads and starts; otherwise it is refused with the reason and the last good version of that file
 * is put back, so a typo in one integrator's file never stops a running flow.
 */
package id.ossgateway.routefiles;
