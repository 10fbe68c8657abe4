package org.iongov.connector.flink.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.apache.flink.streaming.api.functions.source.legacy.RichSourceFunction;
import org.iongov.agent.api.Governance;

/**
 * Emits the models delivered to a node, one {@link ModelUpdate} per model and channel, into the
 * broadcast stream of the scoring operator. Subscribes through the agent's socket.
 *
 * <p>A new subscription first receives the channel's history (the agent replays every model
 * delivered so far): that first burst is coalesced to the newest model per channel, so a starting
 * pipeline never scores with, nor acknowledges, models that were already superseded.
 */
public final class ModelSource extends RichSourceFunction<ModelUpdate> {

    private static final long serialVersionUID = 1L;
    /** How long the first burst of deliveries must be quiet before its newest models are emitted. */
    private static final long QUIET_MILLIS = 300;

    private final String socket;
    private final String instanceId;
    private final String node;
    private final String[] channels;
    private final long forMillis;
    private final List<ModelUpdate> fixed;
    private volatile boolean running = true;

    private ModelSource(String socket, String instanceId, String node, String[] channels, long forMillis, List<ModelUpdate> fixed) {
        this.socket = socket;
        this.instanceId = instanceId;
        this.node = node;
        this.channels = channels;
        this.forMillis = forMillis;
        this.fixed = fixed;
    }

    /** Models delivered through the agent, for {@code forMillis} from when the job starts this source (0 = until cancelled). */
    public static ModelSource subscribing(String socket, String instanceId, String node, List<String> channels, long forMillis) {
        return new ModelSource(socket, instanceId, node, channels.toArray(new String[0]), forMillis, null);
    }

    /** These models, then the stream ends (a job without governance, for comparison). */
    public static ModelSource fixed(List<ModelUpdate> models) {
        return new ModelSource(null, null, null, null, 0, new ArrayList<>(models));
    }

    @Override
    public void run(SourceContext<ModelUpdate> ctx) throws Exception {
        if (fixed != null) {
            synchronized (ctx.getCheckpointLock()) {
                fixed.forEach(ctx::collect);
            }
            return;
        }
        long untilMillis = forMillis == 0 ? 0 : System.currentTimeMillis() + forMillis;
        LinkedBlockingQueue<ModelUpdate> arrivals = new LinkedBlockingQueue<>();
        List<AutoCloseable> subscriptions = new ArrayList<>();
        java.nio.file.Path path = java.nio.file.Path.of(socket);
        Governance governance = SharedGovernance.acquire(path);
        try {
            for (String channel : channels) {
                subscriptions.add(governance.subscribe(instanceId, node, channel, model -> arrivals.add(ModelUpdate.of(channel, model))));
            }
            Map<String, ModelUpdate> waiting = new LinkedHashMap<>();
            Map<String, String> emitted = new HashMap<>();
            boolean settled = false;
            long lastArrival = 0;
            while (running && (untilMillis == 0 || System.currentTimeMillis() < untilMillis)) {
                ModelUpdate update = arrivals.poll(50, TimeUnit.MILLISECONDS);
                long now = System.currentTimeMillis();
                if (update != null) {
                    // A redelivery (the agent reconnected) of the model in use changes nothing.
                    if (!update.modelId.equals(emitted.get(update.channel))) {
                        waiting.put(update.channel, update);
                    } else {
                        waiting.remove(update.channel);
                    }
                    lastArrival = now;
                    if (!settled) {
                        continue;
                    }
                }
                if (waiting.isEmpty() || (!settled && now - lastArrival < QUIET_MILLIS)) {
                    continue;
                }
                settled = true;
                synchronized (ctx.getCheckpointLock()) {
                    for (ModelUpdate u : waiting.values()) {
                        ctx.collect(u);
                        emitted.put(u.channel, u.modelId);
                    }
                }
                waiting.clear();
            }
        } finally {
            try {
                for (AutoCloseable subscription : subscriptions) {
                    subscription.close();
                }
            } finally {
                SharedGovernance.release(path, governance);
            }
        }
    }

    @Override
    public void cancel() {
        running = false;
    }
}
