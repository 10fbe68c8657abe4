package org.iongov.core.compliance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.iongov.core.audit.LedgerVerification;
import org.iongov.core.json.MetadataJson;
import org.iongov.core.metadata.EventRecord;

/** The governance ledger's hash chain verifies. Type {@value #TYPE}. */
public final class LedgerIntact extends BuiltInPolicy {

    public static final String TYPE = "ledger-intact";

    public LedgerIntact(String id, EventRecord.Severity severity) {
        super(id, severity);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String description() {
        return "the governance ledger's hash chain verifies";
    }

    @Override
    public List<Violation> check(ComplianceScope scope) {
        LedgerVerification result = scope.store().verifyLedger(null);
        if (result.intact()) {
            return List.of();
        }
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("brokenSequence", result.brokenSequence());
        evidence.put("brokenKind", result.brokenKind());
        evidence.put("headSequence", result.head().sequence());
        evidence.put("headHash", result.head().hash());
        // A new break is a new violation; the same break found again is not.
        return List.of(new Violation(id(), "ledger-entry", Long.toString(result.brokenSequence()), null, null, scope.checkedAt(), severity(),
                "the governance ledger is broken at entry " + result.brokenSequence()
                        + (result.brokenKind() == null ? "" : " (" + result.brokenKind() + ")") + ": " + result.problem(),
                MetadataJson.valueToJson(evidence).toString(), null));
    }

    @Override
    public int subjects(ComplianceScope scope) {
        return (int) Math.min(Integer.MAX_VALUE, scope.store().ledgerHead().sequence());
    }
}
