package id.ossgateway.mapping.version;

/** Where a saved mapping version stands. Only an APPROVED version can be live. */
public enum VersionState {
    /** saved by OPD staff, waiting for an integrator or operator */
    SUBMITTED,
    /** approved (or saved by an integrator or operator); live now or available for a rollback */
    APPROVED,
    /** refused by an integrator or operator, with the reason in its note */
    REJECTED
}
