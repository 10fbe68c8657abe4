/**
 * Compliance policies as code: rules checked periodically over recorded metadata and lineage
 * ("every model serving in production had a human approval and a training AUC of at least 0.8",
 * "no model trained on personal data serves without two approvals", "the ledger verifies"). A
 * {@link org.iongov.core.compliance.ComplianceCheck} runs them over a window and records their
 * violations as events, once per policy, subject and occurrence.
 */
package org.iongov.core.compliance;
