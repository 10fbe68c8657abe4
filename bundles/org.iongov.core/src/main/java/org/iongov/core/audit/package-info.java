/**
 * The governance ledger: a tamper-evident, append-only hash chain of the changes an auditor
 * asks about (approvals, rejections, deployments, rollbacks, ION definition uploads, token
 * changes), kept by the store beside the records themselves.
 */
package org.iongov.core.audit;
