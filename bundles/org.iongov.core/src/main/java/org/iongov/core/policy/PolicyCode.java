package org.iongov.core.policy;

import org.iongov.core.metadata.ModelRecord;
import org.iongov.core.query.NodeRun;
import org.iongov.core.store.GovernanceStore;

/**
 * Custom policy code: decides about models reaching a policy node whose ION definition names this
 * class as its code's entry point. Only implementations installed on the server (registered
 * through {@link java.util.ServiceLoader} as providers of this interface) are ever run: an
 * uploaded ION can name code, not bring it.
 */
public interface PolicyCode {

    /** What the code gets to decide with. The store is there to read (statistics, lineage). */
    record Context(String instanceId, String policyNode, ModelRecord model, NodeRun producingRun, GovernanceStore store) {
    }

    /** Decides quickly (the producer's ingest waits for it); WAITING hands the model to people. */
    PolicyDecision decide(Context context);
}
