package org.iongov.internal.demo;

import java.io.PrintStream;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.iongov.client.RemoteDecisions;
import org.iongov.core.metadata.ModelRecord;
import org.iongov.core.policy.ModelPropagation.PendingApproval;
import org.iongov.core.query.StatisticPoint;
import org.iongov.core.query.StatisticQuery;
import org.iongov.core.store.GovernanceStore;

/**
 * The demo's operator: reviews each model waiting at a human-approval node and approves it through
 * the server's API under her own name, with the AUC she looked at as the comment. Real people use
 * the workbench's approval queue or {@code ./iongov approve}.
 */
public final class Operator implements AutoCloseable {

    private final RemoteDecisions decisions;
    private final GovernanceStore store;
    private final String instanceId;
    private final String name;
    private final PrintStream progress;
    private final Set<String> decided = new HashSet<>();
    private final Thread thread;
    private volatile boolean stopped;

    private Operator(RemoteDecisions decisions, GovernanceStore store, String instanceId, String name, PrintStream progress) {
        this.decisions = decisions;
        this.store = store;
        this.instanceId = instanceId;
        this.name = name;
        this.progress = progress;
        this.thread = new Thread(this::loop, "demo-operator");
        thread.setDaemon(true);
    }

    public static Operator start(RemoteDecisions decisions, GovernanceStore store, String instanceId, String name, PrintStream progress) {
        Operator operator = new Operator(decisions, store, instanceId, name, progress);
        operator.thread.start();
        return operator;
    }

    private void loop() {
        while (!stopped) {
            try {
                reviewPending();
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                progress.println("[operator] " + e.getMessage());
            }
        }
    }

    /** Approves every model now waiting; returns how many. */
    int reviewPending() {
        List<PendingApproval> pending = decisions.pending(instanceId);
        int approved = 0;
        for (PendingApproval waiting : pending) {
            if (!decided.add(waiting.messageId())) {
                continue;
            }
            String auc = store.model(waiting.modelId()).map(ModelRecord::runId).map(this::auc).orElse("no AUC reported");
            var decision = decisions.decide(waiting.messageId(), true, "reviewed in the demo: " + auc);
            progress.printf(Locale.ROOT, "[operator] %s approved model %s at %s (%s): %s%n", name, waiting.modelId(), waiting.policyNode(),
                    auc, decision.status());
            approved++;
        }
        return approved;
    }

    private String auc(String runId) {
        List<StatisticPoint> points = store.statistics(new StatisticQuery("auc", runId, null, 10)).points();
        return points.isEmpty() ? "no AUC reported" : String.format(Locale.ROOT, "auc %.4f", points.get(points.size() - 1).value());
    }

    @Override
    public void close() {
        stopped = true;
        thread.interrupt();
    }
}
