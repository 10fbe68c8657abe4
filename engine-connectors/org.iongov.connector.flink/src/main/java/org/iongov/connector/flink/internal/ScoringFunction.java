package org.iongov.connector.flink.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.co.BroadcastProcessFunction;
import org.apache.flink.streaming.api.operators.StreamingRuntimeContext;
import org.apache.flink.util.Collector;
import org.iongov.agent.api.Severity;
import org.iongov.connector.flink.GovernanceConfig;
import org.iongov.connector.flink.InferenceInput;
import org.iongov.connector.flink.Prediction;
import org.iongov.connector.scoring.Scorer;
import org.iongov.connector.scoring.Scorers;

/**
 * Scores a stream with the node's current model(s), swapped mid-stream as models arrive on the
 * broadcast side (the broadcast state keeps the current model per channel). Inputs that arrive
 * before every channel has a model are kept in operator state and scored when the last one
 * arrives, so none is lost. With several channels the node is an ensemble: the mean of its
 * members' scores. A control (canary) node takes the primary's predictions as input, scores the
 * same inputs and compares.
 *
 * @param <I> the operator's input: the pipeline's element, or a primary's {@link Prediction} for a control node
 * @param <T> the pipeline's element
 */
public final class ScoringFunction<I, T> extends BroadcastProcessFunction<I, ModelUpdate, Prediction<T>>
        implements CheckpointedFunction {

    private static final long serialVersionUID = 1L;

    /** The current model per channel. */
    public static final MapStateDescriptor<String, ModelUpdate> MODELS = new MapStateDescriptor<>("iongov-models", Types.STRING,
            TypeInformation.of(ModelUpdate.class));

    private final GovernanceConfig config;
    private final InferenceInput<T> view;
    private final boolean control;
    private final TypeInformation<I> inputType;
    private final boolean governed;

    private transient Map<String, Member> members;
    private transient Scorer[] scorers;
    private transient String[] modelIds;
    private transient List<String> modelIdList;
    private transient double[] memberScores;
    private transient ArrayList<I> pending;
    private transient ArrayList<Long> pendingSince;
    private transient ListState<I> pendingState;
    private transient InferenceReporter reporter;
    private transient RecordedPredictions<T> recordedPredictions;
    private transient boolean acknowledging;
    private transient boolean restored;

    /**
     * @param control whether the input is a primary's predictions (a control node)
     * @param governed false for the same scoring without any reporting (the overhead benchmark's baseline)
     */
    public ScoringFunction(GovernanceConfig config, InferenceInput<T> view, boolean control, TypeInformation<I> inputType,
            boolean governed) {
        this.config = config;
        this.view = view;
        this.control = control;
        this.inputType = inputType;
        this.governed = governed;
    }

    private record Member(String modelId, Scorer scorer) {
    }

    @Override
    public void open(org.apache.flink.api.common.functions.OpenContext context) throws Exception {
        members = new HashMap<>();
        int subtask = getRuntimeContext().getTaskInfo().getIndexOfThisSubtask();
        int parallelism = getRuntimeContext().getTaskInfo().getNumberOfParallelSubtasks();
        // Every subtask receives each model; one of them acknowledges it, once.
        acknowledging = subtask == 0;
        if (governed) {
            reporter = new InferenceReporter(config, subtask, parallelism);
            // Batches hold inputs: only when each is an object of its own, with timers that run on the task's thread.
            org.apache.flink.api.common.operators.ProcessingTimeService timers = !getRuntimeContext().isObjectReuseEnabled()
                    && getRuntimeContext() instanceof StreamingRuntimeContext streaming ? streaming.getProcessingTimeService() : null;
            recordedPredictions = new RecordedPredictions<>(reporter, view, timers);
        }
    }

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
        pendingState = context.getOperatorStateStore().getListState(new ListStateDescriptor<>("iongov-pending", inputType));
        pending = new ArrayList<>();
        pendingSince = new ArrayList<>();
        if (context.isRestored()) {
            long now = System.currentTimeMillis();
            for (I element : pendingState.get()) {
                pending.add(element);
                pendingSince.add(now);
            }
            restored = true;
        }
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
        if (recordedPredictions != null) {
            recordedPredictions.write();
        }
        pendingState.update(pending);
    }

    @Override
    public void processElement(I element, ReadOnlyContext ctx, Collector<Prediction<T>> out) throws Exception {
        if (scorers == null && restored) {
            reload(ctx.getBroadcastState(MODELS));
        }
        if (scorers == null) {
            pending.add(element);
            Long timestamp = ctx.timestamp();
            pendingSince.add(timestamp != null ? timestamp : System.currentTimeMillis());
            return;
        }
        if (!pending.isEmpty()) {
            drain(out);
        }
        score(element, out, ctx, -1);
    }

    @Override
    public void processBroadcastElement(ModelUpdate update, Context ctx, Collector<Prediction<T>> out) throws Exception {
        if (!config.channels().contains(update.channel)) {
            return;
        }
        if (recordedPredictions != null) {
            recordedPredictions.write(); // the old model's predictions go before the swap's records
        }
        BroadcastState<String, ModelUpdate> state = ctx.getBroadcastState(MODELS);
        Member current = members.get(update.channel);
        if (current != null && current.modelId.equals(update.modelId)) {
            return; // delivered again (the agent reconnected): already in use
        }
        Scorer scorer;
        try {
            scorer = Scorers.load(update.format, update.bytes);
        } catch (RuntimeException e) {
            // A model that cannot be loaded must not stop the pipeline: keep the current one, say why.
            if (reporter != null && acknowledging) {
                reporter.event("model-rejected", Severity.ERROR, config.node() + " cannot load model " + update.modelId + " from channel "
                        + update.channel + ": " + e.getMessage() + "; it keeps its current model");
            }
            return;
        }
        state.put(update.channel, update);
        Member old = members.put(update.channel, new Member(update.modelId, scorer));
        if (old != null) {
            old.scorer.close();
        }
        if (reporter != null && acknowledging) {
            reporter.modelInUse(update);
        }
        rebuild();
        if (scorers != null && !pending.isEmpty()) {
            drain(out);
        }
    }

    /** After a restore: the scorers from the broadcast state (scorers themselves are not state). */
    private void reload(ReadOnlyBroadcastState<String, ModelUpdate> state) throws Exception {
        restored = false;
        for (String channel : config.channels()) {
            ModelUpdate update = state.get(channel);
            if (update != null) {
                members.put(channel, new Member(update.modelId, Scorers.load(update.format, update.bytes)));
            }
        }
        rebuild();
    }

    /** Scoring starts once every channel has a model; model ids in channel order. */
    private void rebuild() {
        List<String> channels = config.channels();
        if (members.size() < channels.size()) {
            return;
        }
        Scorer[] s = new Scorer[channels.size()];
        String[] ids = new String[channels.size()];
        for (int i = 0; i < s.length; i++) {
            Member m = members.get(channels.get(i));
            s[i] = m.scorer;
            ids[i] = m.modelId;
        }
        scorers = s;
        modelIds = ids;
        modelIdList = List.of(ids);
        memberScores = new double[s.length];
        if (reporter != null) {
            reporter.models(modelIdList);
        }
    }

    private void drain(Collector<Prediction<T>> out) {
        for (int i = 0; i < pending.size(); i++) {
            score(pending.get(i), out, null, pendingSince.get(i));
        }
        pending.clear();
        pendingSince.clear();
    }

    @SuppressWarnings("unchecked")
    private void score(I in, Collector<Prediction<T>> out, ReadOnlyContext ctx, long since) {
        T element;
        double reference;
        if (control) {
            Prediction<T> primary = (Prediction<T>) in;
            element = primary.input;
            reference = primary.score;
        } else {
            element = (T) in;
            reference = Double.NaN;
        }
        double[] features = view.features(element);
        double score;
        if (scorers.length == 1) {
            score = scorers[0].score(features);
        } else {
            double sum = 0;
            for (int i = 0; i < scorers.length; i++) {
                memberScores[i] = scorers[i].score(features);
                sum += memberScores[i];
            }
            score = sum / scorers.length;
        }
        // Nearly every record of a primary node: one countdown. What the others need is in a method of its own, which keeps
        // the path every record takes short.
        if (reporter == null || !control && reporter.quiet()) {
            out.collect(new Prediction<>(element, score, modelIds, false));
            return;
        }
        report(in, element, features, score, reference, out, ctx, since);
    }

    /** A record to count (a control node's), measure or record. */
    @SuppressWarnings("unchecked")
    private void report(I in, T element, double[] features, double score, double reference, Collector<Prediction<T>> out,
            ReadOnlyContext ctx, long since) {
        boolean recorded;
        boolean measured;
        if (control) { // records the inputs its primary recorded, and its divergence on every one
            recorded = ((Prediction<T>) in).recorded && reporter.sampling();
            measured = reporter.count(score, reference);
        } else {
            int what = reporter.event();
            recorded = (what & InferenceReporter.RECORD) != 0;
            measured = (what & InferenceReporter.MEASURE) != 0;
        }
        out.collect(new Prediction<>(element, score, modelIds, recorded));
        if (measured) {
            long created = view.createdAt(element);
            if (created < 0) {
                Long timestamp = ctx == null ? null : ctx.timestamp();
                created = ctx == null ? since : timestamp != null ? timestamp : -1;
            }
            reporter.measure(features, score, created);
        }
        if (recorded) {
            recordedPredictions.add(element, score, scorers.length > 1 ? memberScores : null, reference, modelIdList);
        }
    }

    @Override
    public void close() throws Exception {
        try {
            if (reporter != null) {
                if (!pending.isEmpty()) {
                    reporter.event("inputs-not-scored", Severity.WARNING, pending.size() + " inputs of " + config.node()
                            + " ended before every channel " + config.channels() + " had a model: not scored");
                }
                recordedPredictions.close();
                reporter.close();
            }
        } finally {
            if (members != null) {
                members.values().forEach(m -> m.scorer.close());
            }
            super.close();
        }
    }

    @Override
    public String toString() {
        return "ScoringFunction[" + config.node() + " on " + Arrays.toString(config.channels().toArray()) + "]";
    }
}
