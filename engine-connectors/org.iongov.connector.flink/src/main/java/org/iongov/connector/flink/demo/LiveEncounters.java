package org.iongov.connector.flink.demo;

import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.iongov.connector.data.PatientData;
import org.iongov.connector.data.PatientRecord;

/**
 * The demo's live encounters: {@link PatientData#stream} of a seed, from the drifted population
 * from record {@code driftFrom} on. Run with parallelism 1 (one stream, unique ids).
 */
final class LiveEncounters implements GeneratorFunction<Long, PatientRecord> {

    private static final long serialVersionUID = 1L;

    private final long seed;
    private final long driftFrom;
    private transient PatientData.Stream stream;
    private transient boolean drifted;

    /** @param driftFrom the index of the first drifted encounter; negative for none */
    LiveEncounters(long seed, long driftFrom) {
        this.seed = seed;
        this.driftFrom = driftFrom;
    }

    @Override
    public void open(SourceReaderContext context) {
        stream = PatientData.stream(seed, false);
    }

    @Override
    public PatientRecord map(Long index) {
        if (!drifted && driftFrom >= 0 && index >= driftFrom) {
            stream.drift(true);
            drifted = true;
        }
        return stream.next();
    }
}
