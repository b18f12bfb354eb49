package id.ossgateway.registry;

/** Where a registered system stands. Only ACTIVE systems are read from (or accepted, for push). */
public enum SystemState {
    /** being filled in by the OPD */
    DRAFT,
    /** waiting for an operator */
    SUBMITTED,
    /** approved; becomes ACTIVE as soon as its source runs (stays here with the reason if it cannot start) */
    APPROVED,
    ACTIVE,
    /** stopped by an operator or the OPD, settings kept; resumed by an operator */
    SUSPENDED,
    /** for good: history and journal stay, the id cannot be reused */
    RETIRED
}
