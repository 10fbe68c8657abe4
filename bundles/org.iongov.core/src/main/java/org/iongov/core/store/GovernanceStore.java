package org.iongov.core.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.iongov.core.access.AccessToken;
import org.iongov.core.audit.LedgerEntry;
import org.iongov.core.audit.LedgerHead;
import org.iongov.core.audit.LedgerVerification;
import org.iongov.core.access.IssuedToken;
import org.iongov.core.access.Role;
import org.iongov.core.metadata.DatasetRecord;
import org.iongov.core.metadata.DatasetUseRecord;
import org.iongov.core.metadata.EventRecord;
import org.iongov.core.metadata.HumanActionRecord;
import org.iongov.core.metadata.IngestBatch;
import org.iongov.core.metadata.IngestReceipt;
import org.iongov.core.metadata.InvalidRecordsException;
import org.iongov.core.metadata.IonInstanceRecord;
import org.iongov.core.metadata.LogRecord;
import org.iongov.core.metadata.MessageReceivedRecord;
import org.iongov.core.metadata.MessageRecord;
import org.iongov.core.metadata.ModelRecord;
import org.iongov.core.metadata.PredictionRecord;
import org.iongov.core.metadata.RecordKind;
import org.iongov.core.metadata.SearchResultRecord;
import org.iongov.core.metadata.SignatureRecord;
import org.iongov.core.metadata.StatisticRecord;
import org.iongov.core.query.NodeRun;
import org.iongov.core.query.RecordQuery;
import org.iongov.core.query.RunQuery;
import org.iongov.core.query.StatisticQuery;
import org.iongov.core.query.StatisticSeries;

/**
 * The governance store: where every ION definition, run, message, statistic, model and approval
 * is kept, each timestamped and linked to its ION instance. Opened through a
 * {@link GovernanceStoreProvider} (embedded) or a client of the server (remote); both behave
 * alike. Implementations are thread-safe and must be closed to release the store.
 */
public interface GovernanceStore extends AutoCloseable {

    /** Where the store lives and which schema it has. */
    StoreInfo info();

    /** How many records of each kind the store holds. */
    Map<RecordKind, Long> counts();

    /** Bytes on disk per kind of record, indexes included (the paper's Table 1, for this store). */
    Map<RecordKind, Long> storageBytes();

    // ---- ION definitions ----

    /**
     * Stores a new version of the ION definition with this name; versions count up from 1 per
     * name. Callers validate the definition first.
     *
     * @return the stored record, with its version and upload time
     */
    IonDefinitionRecord addIonDefinition(String name, String definitionJson);

    /**
     * Like {@link #addIonDefinition(String, String)}, naming who changed the ION's policies in the
     * governance ledger. A store that learns its caller otherwise (a remote server, from the
     * token) ignores {@code actor}.
     */
    default IonDefinitionRecord addIonDefinition(String name, String definitionJson, String actor) {
        return addIonDefinition(name, definitionJson);
    }

    /** All stored ION definitions, by name then version. */
    List<IonDefinitionRecord> ionDefinitions();

    /** One version of a definition, or its latest version when {@code version} is null. */
    Optional<IonDefinitionRecord> ionDefinition(String name, Integer version);

    // ---- ingest ----

    /**
     * Applies a batch atomically and idempotently: records whose id is already stored are
     * counted as duplicates and left unchanged; when any record is invalid nothing is stored.
     * Returns once the batch is durably committed.
     *
     * @throws InvalidRecordsException naming each invalid record
     */
    IngestReceipt ingest(IngestBatch batch);

    // ---- queries ----

    List<IonInstanceRecord> instances();

    /** Node runs, newest first. */
    List<NodeRun> runs(RunQuery query);

    Optional<NodeRun> run(String runId);

    /** A statistic's series, downsampled to the query's maximum number of points. */
    StatisticSeries statistics(StatisticQuery query);

    /** The names of the statistics a run (or, with null, any run) reported. */
    List<String> statisticNames(String runId);

    /** The last value of each scalar statistic a run reported, by name (for a name in several components, the latest). */
    Map<String, Double> latestStatistics(String runId);

    /** Models (without their bytes), newest first; filters: subjectId = model id, runId, instanceId (of the producing run), range. */
    List<ModelRecord> models(RecordQuery query);

    /** A model's record, with its bytes when the store holds them. */
    Optional<ModelRecord> model(String modelId);

    /** Datasets, newest first; filters: subjectId = dataset id, range (when recorded). */
    List<DatasetRecord> datasets(RecordQuery query);

    /** Predictions, newest first; filters: runId, instanceId, subjectId = input digest (the same input scored elsewhere), range. */
    List<PredictionRecord> predictions(RecordQuery query);

    Optional<PredictionRecord> prediction(String predictionId);

    /** Events, newest first; filters: runId, instanceId, type, range. */
    List<EventRecord> events(RecordQuery query);

    /** A hyperparameter search's settings and metrics, in reporting order; filters: runId, type = metric. */
    List<SearchResultRecord> searchResults(RecordQuery query);

    /** Input and prediction signatures (histograms), newest first; filters: runId, type = feature, range. */
    List<SignatureRecord> signatures(RecordQuery query);

    /** Structured statistics (confusion matrices, vectors), newest first; filters: runId, type = name, range. */
    List<StatisticRecord> structuredStatistics(RecordQuery query);

    /** Log lines, newest first; filters: runId, type = level, range. */
    List<LogRecord> logs(RecordQuery query);

    /** Which runs read or wrote which datasets, newest first; filters: runId, subjectId = dataset id, type = read|written, range. */
    List<DatasetUseRecord> datasetUses(RecordQuery query);

    /** Receipts of messages by the runs that took them in, oldest first; filters: runId = receiving run, subjectId = message id, range. */
    List<MessageReceivedRecord> messageReceipts(RecordQuery query);

    /**
     * Messages on the ION's channels, oldest first; filters: instanceId, type = the channel's name,
     * runId = sender, subjectId = the model carried, range (when sent).
     */
    List<MessageRecord> messages(RecordQuery query);

    Optional<MessageRecord> message(String messageId);

    /** Human actions (approvals, rejections, rollbacks), newest first; filters: type = action, subjectId, range. */
    List<HumanActionRecord> humanActions(RecordQuery query);

    // ---- access tokens ----

    /** Issues a token; its secret is returned once and only its hash is stored. */
    IssuedToken createToken(String user, Role role);

    /** Like {@link #createToken(String, Role)}, naming who issued it in the governance ledger. */
    default IssuedToken createToken(String user, Role role, String actor) {
        return createToken(user, role);
    }

    /** The token with this secret, unless unknown or revoked. */
    Optional<AccessToken> authenticate(String secret);

    List<AccessToken> tokens();

    /** @return whether a token with this id existed and was revoked now */
    boolean revokeToken(String tokenId);

    /** Like {@link #revokeToken(String)}, naming who revoked it in the governance ledger. */
    default boolean revokeToken(String tokenId, String actor) {
        return revokeToken(tokenId);
    }

    // ---- governance ledger ----

    /**
     * Entries of the governance ledger, oldest first: those from sequence number {@code from}
     * (1 is the first entry) on, at most {@code limit}. Every approval, rejection, policy
     * decision, deployment and its receipt, rollback, ION definition upload and token change is
     * appended in the same transaction that stores it.
     */
    List<LedgerEntry> ledger(long from, int limit);

    /** Where the ledger ends now ({@link LedgerHead#EMPTY} when nothing was appended yet). */
    LedgerHead ledgerHead();

    /**
     * Checks the whole chain: sequence numbers without gaps, each entry's previous hash, each
     * entry's hash over its content, and that it ends at the stored head.
     *
     * @param exportedHead a head exported earlier (then entries removed from the end since are
     *     found too), or null
     */
    LedgerVerification verifyLedger(LedgerHead exportedHead);

    // ---- retention ----

    /**
     * Deletes records past their kind's age (never governance evidence). With {@code dryRun}
     * only counts them.
     */
    RetentionReport applyRetention(RetentionPolicy policy, Instant now, boolean dryRun);

    /** Releases the store. Idempotent. */
    @Override
    void close();
}
