package org.iongov.server;

import java.util.List;

import org.iongov.core.policy.PolicyCode;
import org.iongov.core.policy.PolicyDecision;
import org.iongov.core.query.StatisticPoint;
import org.iongov.core.query.StatisticQuery;

/** A custom policy installed on the test server: the producing run's recall must be at least 0.7. */
public final class RecallPolicy implements PolicyCode {

    @Override
    public PolicyDecision decide(Context context) {
        List<StatisticPoint> recall = context.store().statistics(new StatisticQuery("recall", context.model().runId(), null, 100)).points();
        if (recall.isEmpty()) {
            return new PolicyDecision(PolicyDecision.Outcome.WAITING, "no recall reported: people decide");
        }
        double value = recall.get(recall.size() - 1).value();
        return new PolicyDecision(value >= 0.7 ? PolicyDecision.Outcome.APPROVED : PolicyDecision.Outcome.REJECTED,
                "recall " + value + (value >= 0.7 ? " reaches" : " is below") + " 0.7");
    }
}
