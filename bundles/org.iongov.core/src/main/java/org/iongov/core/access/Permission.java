package org.iongov.core.access;

/** What a request needs to be allowed. */
public enum Permission {
    /** Send metadata records. */
    INGEST,
    /** Read metadata. */
    READ,
    /** Upload ION definitions. */
    UPLOAD_ION,
    /** Approve, reject, roll back. */
    DECIDE,
    /** Export audit reports. */
    EXPORT,
    /** Issue and revoke tokens. */
    ADMINISTER
}
