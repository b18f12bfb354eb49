/** REST push: OPD systems POST their records to the gateway and track them by id. */
package id.ossgateway.source.push;
