/** The trail of changes: who did what to which object, and when. Append only, in the state database. */
package id.ossgateway.audit;
