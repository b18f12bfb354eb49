package id.ossgateway.pia;

/** Which way a PIA exchange flows; every envelope carries it so OSS pushes can share the pipeline later. */
public enum Direction {
    /** An OPD system reports to OSS (receiveLicenseStatus, receiveLicense, ...). */
    TO_OSS,
    /** OSS pushes to an OPD system (receiveNIB, receiveFileDS). */
    FROM_OSS
}
