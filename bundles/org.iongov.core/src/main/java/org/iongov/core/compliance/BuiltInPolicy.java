package org.iongov.core.compliance;

import org.iongov.core.metadata.EventRecord;

/** What every built-in policy is configured with: its id and the severity of its violations. */
abstract class BuiltInPolicy implements CompliancePolicy {

    private final String id;
    private final EventRecord.Severity severity;

    BuiltInPolicy(String id, EventRecord.Severity severity) {
        this.id = id;
        this.severity = severity;
    }

    @Override
    public final String id() {
        return id;
    }

    final EventRecord.Severity severity() {
        return severity;
    }
}
