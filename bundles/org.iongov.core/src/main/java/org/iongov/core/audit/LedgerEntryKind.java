package org.iongov.core.audit;

import java.util.Locale;

/** What a ledger entry records; {@link #wireName()} is what entries carry as their kind. */
public enum LedgerEntryKind {
    /** A person approved a model waiting at a human-approval policy node. */
    APPROVAL,
    /** A person rejected a model waiting at a human-approval policy node. */
    REJECTION,
    /** A policy node's decision on a model (threshold, automatic, custom code, or people's final tally). */
    POLICY_DECISION,
    /** A model message sent by a policy node's run to a pipeline node (propagation or rollback). */
    DEPLOYMENT,
    /** A pipeline node's run took in a model message. */
    DEPLOYMENT_RECEIPT,
    /** An operator sent a model a node used before back to it. */
    ROLLBACK,
    /** A new version of an ION definition (a policy change). */
    ION_DEFINITION,
    /** An access token was issued. */
    TOKEN_CREATED,
    /** An access token was revoked. */
    TOKEN_REVOKED;

    /** {@code DEPLOYMENT_RECEIPT} is {@code deployment-receipt}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
