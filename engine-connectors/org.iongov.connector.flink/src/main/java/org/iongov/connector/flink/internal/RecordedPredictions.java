package org.iongov.connector.flink.internal;

import java.util.List;

import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.iongov.connector.flink.InferenceInput;

/**
 * The sampled predictions of a scoring subtask, recorded in small batches. A pipeline records one
 * prediction in a thousand, say, and in between its scoring pushes the recording code (the input's
 * JSON, the numbers' text, the record) and its data out of the CPU's caches: recorded one at a
 * time, each prediction paid for that again on the pipeline's thread, and the scoring paid to bring
 * its own back. A batch pays once.
 * <p>
 * A batch holds the inputs themselves until it is written, so it is used only when Flink gives each
 * input an object of its own (object reuse off, its default); with object reuse, or without a
 * processing-time service, each prediction is recorded at once. A batch is written when {@link
 * #BATCH} predictions wait, by a processing-time timer once its first has waited {@link
 * #MAX_WAIT_MILLIS} (Flink runs it on the task's own thread, so a stream that pauses does not hold
 * its predictions back), before a model swap, at a checkpoint and at the end.
 * <p>
 * One timer at a time: a busy stream fills dozens of batches a second, and a timer per batch cost
 * each of them a task scheduled on Flink's timer thread and, a second later, that thread woken and
 * a letter in the task's mailbox, on the engine's busy CPU. The one timer, when it fires, writes a
 * batch that has waited long enough and otherwise sets itself again for the current batch's turn.
 */
final class RecordedPredictions<T> {

    static final int BATCH = 32;
    static final long MAX_WAIT_MILLIS = 1000;

    private final InferenceReporter reporter;
    private final InferenceInput<T> view;
    /** Null: no batches. */
    private final ProcessingTimeService timers;
    private final Object[] inputs = new Object[BATCH];
    private final double[] scores = new double[BATCH];
    private final double[][] members = new double[BATCH][];
    private final double[] references = new double[BATCH];
    @SuppressWarnings("unchecked")
    private final List<String>[] modelIds = new List[BATCH];
    private int size;
    /** When the waiting batch's first prediction was added (processing time). */
    private long firstAt;
    private boolean timerSet;
    private boolean closed;

    RecordedPredictions(InferenceReporter reporter, InferenceInput<T> view, ProcessingTimeService timers) {
        this.reporter = reporter;
        this.view = view;
        this.timers = timers;
    }

    /** A sampled prediction; {@code memberScores} (an ensemble's) is copied, the caller reuses it. */
    void add(T input, double score, double[] memberScores, double reference, List<String> models) {
        if (timers == null) {
            reporter.prediction(view.id(input), view.inputJson(input), score, memberScores, reference, models);
            return;
        }
        if (size == 0) {
            firstAt = timers.getCurrentProcessingTime();
            if (!timerSet) {
                timerSet = true;
                timers.registerTimer(firstAt + MAX_WAIT_MILLIS, this::timerFired);
            }
        }
        inputs[size] = input;
        scores[size] = score;
        members[size] = memberScores == null ? null : memberScores.clone();
        references[size] = reference;
        modelIds[size] = models;
        if (++size == BATCH) {
            write();
        }
    }

    /** Writes the batch if its first prediction has waited long enough, else waits for that (the batch it set out for was full earlier). */
    private void timerFired(long time) {
        timerSet = false;
        if (closed || size == 0) {
            return;
        }
        if (time >= firstAt + MAX_WAIT_MILLIS) {
            write();
        } else {
            timerSet = true;
            timers.registerTimer(firstAt + MAX_WAIT_MILLIS, this::timerFired);
        }
    }

    /** Records the waiting predictions, in the order they were made. */
    @SuppressWarnings("unchecked")
    void write() {
        for (int i = 0; i < size; i++) {
            T input = (T) inputs[i];
            reporter.prediction(view.id(input), view.inputJson(input), scores[i], members[i], references[i], modelIds[i]);
            inputs[i] = null;
            members[i] = null;
            modelIds[i] = null;
        }
        size = 0;
    }

    /** Records what waits; a timer that fires later does nothing. */
    void close() {
        write();
        closed = true;
    }
}
