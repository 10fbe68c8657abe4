package org.iongov.core.metadata;

/**
 * One piece of governance metadata as a producer (an agent, a pipeline, the server itself)
 * reports it. Every record carries an {@link #id()} chosen by its producer and unique across the
 * store: ingesting a record whose id is already stored changes nothing, which makes retried
 * batches safe. Producers should make ids increase (e.g. {@code agent-7:000000001234}) so the
 * store's indexes grow at their end.
 */
public sealed interface MetadataRecord permits IonInstanceRecord, RunRecord, RunEndRecord, ComponentRunRecord,
        StatisticRecord, SignatureRecord, MessageRecord, MessageReceivedRecord, ModelRecord, DatasetRecord, DatasetUseRecord, PredictionRecord,
        EventRecord, LogRecord, SearchResultRecord, ContextRecord, HumanActionRecord {

    /** The producer-chosen id; for records that create an entity (run, model, ...) also the entity's id. */
    String id();

    /** The record's kind as it appears on the wire, e.g. {@code statistic}. */
    RecordKind kind();
}
