package org.iongov.store.derby;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

import org.apache.derby.jdbc.EmbeddedDriver;
import org.iongov.core.access.AccessToken;
import org.iongov.core.access.IssuedToken;
import org.iongov.core.access.Role;
import org.iongov.core.audit.LedgerEntry;
import org.iongov.core.audit.LedgerHead;
import org.iongov.core.audit.LedgerVerification;
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
import org.iongov.core.metadata.MetadataRecord;
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
import org.iongov.core.store.GovernanceStore;
import org.iongov.core.store.IonDefinitionRecord;
import org.iongov.core.store.RetentionPolicy;
import org.iongov.core.store.RetentionReport;
import org.iongov.core.store.StoreException.Reason;
import org.iongov.core.store.StoreException;
import org.iongov.core.store.StoreInfo;

/** A governance store on a Derby database, embedded or reached through the network server. */
final class DerbyGovernanceStore implements GovernanceStore {

    /** Derby's SQLState for a duplicate key. */
    private static final String DUPLICATE_KEY = "23505";

    private final StoreInfo info;
    private final String shutdownUrl;
    private final ConnectionPool pool;
    private final Clock clock;
    private final StatisticSeriesIds seriesIds = new StatisticSeriesIds();
    private final LedgerTable ledger;
    private volatile boolean closed;

    /**
     * @param shutdownUrl the embedded database's URL, to shut it down on close; null for remote
     */
    DerbyGovernanceStore(StoreInfo info, String shutdownUrl, ConnectionPool pool, Clock clock) {
        this.info = info;
        this.shutdownUrl = shutdownUrl;
        this.pool = pool;
        this.clock = clock;
        this.ledger = new LedgerTable(clock, info.schemaVersion());
    }

    @Override
    public StoreInfo info() {
        return info;
    }

    @Override
    public Map<RecordKind, Long> counts() {
        return read("count records", c -> {
            Map<RecordKind, Long> counts = new EnumMap<>(RecordKind.class);
            for (RecordKind kind : RecordKind.values()) {
                try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + RecordChecks.tableOf(kind));
                        ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    counts.put(kind, rs.getLong(1));
                }
            }
            return counts;
        });
    }

    @Override
    public Map<RecordKind, Long> storageBytes() {
        return read("measure storage", c -> {
            Map<RecordKind, Long> bytes = new EnumMap<>(RecordKind.class);
            for (RecordKind kind : RecordKind.values()) {
                // Allocated pages of the table and all its indexes, as Derby accounts them.
                long total = 0;
                for (String table : RecordChecks.tablesOf(kind)) {
                    try (PreparedStatement ps = c.prepareStatement("SELECT SUM((T.NUMALLOCATEDPAGES + T.NUMFREEPAGES) * T.PAGESIZE)"
                            + " FROM TABLE (SYSCS_DIAG.SPACE_TABLE(CURRENT SCHEMA, '" + table + "')) T");
                            ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        total += rs.getLong(1);
                    }
                }
                bytes.put(kind, total);
            }
            return bytes;
        });
    }

    @Override
    public IonDefinitionRecord addIonDefinition(String name, String definitionJson) {
        return addIonDefinition(name, definitionJson, null);
    }

    @Override
    public IonDefinitionRecord addIonDefinition(String name, String definitionJson, String actor) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(definitionJson, "definitionJson");
        // Derby keeps microseconds at most; truncate so what we return equals what we read back.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return write("store ION definition '" + name + "'", c -> {
            int version;
            try (PreparedStatement max = c.prepareStatement(
                    "SELECT COALESCE(MAX(VERSION), 0) FROM ION_DEFINITION WHERE NAME = ?")) {
                max.setString(1, name);
                try (ResultSet rs = max.executeQuery()) {
                    rs.next();
                    version = rs.getInt(1) + 1;
                }
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO ION_DEFINITION (NAME, VERSION, UPLOADED_AT, DEFINITION) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, name);
                insert.setInt(2, version);
                insert.setTimestamp(3, Timestamp.from(now));
                insert.setString(4, definitionJson);
                insert.executeUpdate();
            }
            ledger.append(c, List.of(LedgerTable.definitionUploaded(name, version, definitionJson, actor)));
            return new IonDefinitionRecord(name, version, now, definitionJson);
        });
    }

    @Override
    public List<IonDefinitionRecord> ionDefinitions() {
        return read("read ION definitions", c -> {
            List<IonDefinitionRecord> result = new ArrayList<>();
            try (PreparedStatement query = c.prepareStatement(
                    "SELECT NAME, VERSION, UPLOADED_AT, DEFINITION FROM ION_DEFINITION ORDER BY NAME, VERSION");
                    ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    result.add(definition(rs));
                }
            }
            return result;
        });
    }

    @Override
    public Optional<IonDefinitionRecord> ionDefinition(String name, Integer version) {
        return read("read ION definition '" + name + "'", c -> {
            String sql = "SELECT NAME, VERSION, UPLOADED_AT, DEFINITION FROM ION_DEFINITION WHERE NAME = ?"
                    + (version == null ? " ORDER BY VERSION DESC" : " AND VERSION = ?");
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, name);
                if (version != null) {
                    ps.setInt(2, version);
                }
                ps.setMaxRows(1);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(definition(rs)) : Optional.empty();
                }
            }
        });
    }

    private static IonDefinitionRecord definition(ResultSet rs) throws SQLException {
        return new IonDefinitionRecord(rs.getString(1), rs.getInt(2), rs.getTimestamp(3).toInstant(), rs.getString(4));
    }

    @Override
    public IngestReceipt ingest(IngestBatch batch) {
        List<MetadataRecord> records = batch.records();
        if (records.isEmpty()) {
            return new IngestReceipt(0, 0, 0);
        }
        // First a short transaction: check the batch, and find or create its statistic series.
        Map<StatisticSeriesIds.Key, Integer> created = new java.util.HashMap<>();
        Map<StatisticSeriesIds.Key, Integer> series;
        try {
            series = pool.inTransaction(c -> {
                List<String> problems = RecordChecks.check(c, records);
                if (!problems.isEmpty()) {
                    throw new InvalidRecordsException(problems);
                }
                return seriesIds.resolve(c, StatisticSeriesIds.keysOf(records), created);
            });
        } catch (SQLException e) {
            throw failure("check a batch of " + records.size() + " records", e);
        }
        seriesIds.publish(created);
        try {
            // Fast path: a new batch inserts cleanly. A retried one hits a duplicate key.
            return pool.inTransaction(c -> new IngestReceipt(records.size(), IngestWriter.write(c, IngestWriter.byKind(records), series, ledger), 0));
        } catch (SQLException e) {
            if (!isDuplicateKey(e)) {
                throw failure("ingest a batch of " + records.size() + " records", e);
            }
        }
        // Slow path, only for retried batches: leave out what is already stored.
        return write("ingest a batch of " + records.size() + " records", c -> {
            Map<RecordKind, List<MetadataRecord>> byKind = IngestWriter.byKind(records);
            int duplicates = IngestWriter.dropDuplicates(c, byKind);
            int stored = IngestWriter.write(c, byKind, series, ledger);
            return new IngestReceipt(records.size(), stored, duplicates);
        });
    }

    private static boolean isDuplicateKey(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            if (DUPLICATE_KEY.equals(s.getSQLState())) {
                return true;
            }
        }
        return e.getCause() instanceof SQLException cause && DUPLICATE_KEY.equals(cause.getSQLState());
    }

    @Override
    public List<IonInstanceRecord> instances() {
        return read("list ION instances", StoreQueries::instances);
    }

    @Override
    public List<NodeRun> runs(RunQuery query) {
        return read("list runs", c -> StoreQueries.runs(c, query));
    }

    @Override
    public Optional<NodeRun> run(String runId) {
        return read("read run '" + runId + "'", c -> StoreQueries.run(c, runId));
    }

    @Override
    public StatisticSeries statistics(StatisticQuery query) {
        return read("read statistic '" + query.name() + "'", c -> StoreQueries.statistics(c, query));
    }

    @Override
    public List<String> statisticNames(String runId) {
        return read("list statistic names", c -> StoreQueries.statisticNames(c, runId));
    }

    @Override
    public Map<String, Double> latestStatistics(String runId) {
        return read("read a run's latest statistics", c -> StoreQueries.latestStatistics(c, runId));
    }

    @Override
    public List<ModelRecord> models(RecordQuery query) {
        return read("list models", c -> StoreQueries.models(c, query));
    }

    @Override
    public Optional<ModelRecord> model(String modelId) {
        return read("read model '" + modelId + "'", c -> StoreQueries.model(c, modelId));
    }

    @Override
    public List<DatasetRecord> datasets(RecordQuery query) {
        return read("list datasets", c -> StoreQueries.datasets(c, query));
    }

    @Override
    public List<PredictionRecord> predictions(RecordQuery query) {
        return read("list predictions", c -> StoreQueries.predictions(c, query));
    }

    @Override
    public Optional<PredictionRecord> prediction(String predictionId) {
        return read("read prediction '" + predictionId + "'", c -> StoreQueries.prediction(c, predictionId));
    }

    @Override
    public List<EventRecord> events(RecordQuery query) {
        return read("list events", c -> StoreQueries.events(c, query));
    }

    @Override
    public List<SearchResultRecord> searchResults(RecordQuery query) {
        return read("list search results", c -> StoreQueries.searchResults(c, query));
    }

    @Override
    public List<SignatureRecord> signatures(RecordQuery query) {
        return read("list signatures", c -> StoreQueries.signatures(c, query));
    }

    @Override
    public List<StatisticRecord> structuredStatistics(RecordQuery query) {
        return read("list structured statistics", c -> StoreQueries.structuredStatistics(c, query));
    }

    @Override
    public List<LogRecord> logs(RecordQuery query) {
        return read("list logs", c -> StoreQueries.logs(c, query));
    }

    @Override
    public List<DatasetUseRecord> datasetUses(RecordQuery query) {
        return read("list dataset uses", c -> StoreQueries.datasetUses(c, query));
    }

    @Override
    public List<MessageReceivedRecord> messageReceipts(RecordQuery query) {
        return read("list message receipts", c -> StoreQueries.messageReceipts(c, query));
    }

    @Override
    public List<MessageRecord> messages(RecordQuery query) {
        return read("list messages", c -> StoreQueries.messages(c, query));
    }

    @Override
    public Optional<MessageRecord> message(String messageId) {
        return read("read message '" + messageId + "'", c -> StoreQueries.message(c, messageId));
    }

    @Override
    public List<HumanActionRecord> humanActions(RecordQuery query) {
        return read("list human actions", c -> StoreQueries.humanActions(c, query));
    }

    @Override
    public IssuedToken createToken(String user, Role role) {
        return createToken(user, role, null);
    }

    @Override
    public IssuedToken createToken(String user, Role role, String actor) {
        if (user == null || user.isBlank() || user.length() > 200) {
            throw new IllegalArgumentException("a token needs a user name of 1 to 200 characters");
        }
        Objects.requireNonNull(role, "role");
        return write("create a token for '" + user + "'",
                c -> TokenTable.create(c, user, role, clock.instant().truncatedTo(ChronoUnit.MILLIS), ledger, actor));
    }

    @Override
    public Optional<AccessToken> authenticate(String secret) {
        return read("check a token", c -> TokenTable.authenticate(c, secret));
    }

    @Override
    public List<AccessToken> tokens() {
        return read("list tokens", TokenTable::list);
    }

    @Override
    public boolean revokeToken(String tokenId) {
        return revokeToken(tokenId, null);
    }

    @Override
    public boolean revokeToken(String tokenId, String actor) {
        return write("revoke token '" + tokenId + "'", c -> TokenTable.revoke(c, tokenId, clock.instant(), ledger, actor));
    }

    @Override
    public List<LedgerEntry> ledger(long from, int limit) {
        if (limit < 1 || limit > org.iongov.core.query.Limits.MAX_ROWS) {
            throw new IllegalArgumentException("limit must be 1 to " + org.iongov.core.query.Limits.MAX_ROWS + ", got " + limit);
        }
        return read("read the governance ledger", c -> LedgerTable.entries(c, Math.max(1, from), limit));
    }

    @Override
    public LedgerHead ledgerHead() {
        return read("read the governance ledger's head", LedgerTable::head);
    }

    @Override
    public LedgerVerification verifyLedger(LedgerHead exportedHead) {
        return read("verify the governance ledger", c -> LedgerTable.verify(c, exportedHead));
    }

    @Override
    public RetentionReport applyRetention(RetentionPolicy policy, Instant now, boolean dryRun) {
        RetentionReport report = write("apply retention", c -> Retention.apply(c, policy, now, dryRun));
        seriesIds.clear();
        return report;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        pool.close();
        if (shutdownUrl != null) {
            shutdownEmbedded(shutdownUrl);
        }
    }

    private <T> T read(String action, ConnectionPool.Work<T> work) {
        return write(action, work);
    }

    private <T> T write(String action, ConnectionPool.Work<T> work) {
        try {
            return pool.inTransaction(work);
        } catch (SQLException e) {
            throw failure(action, e);
        }
    }

    private StoreException failure(String action, SQLException e) {
        return new StoreException(Reason.FAILED, "could not " + action + " in store " + info.location() + ": " + e.getMessage(), e);
    }

    /** Shuts an embedded database down, which releases Derby's lock on its folder. */
    static void shutdownEmbedded(String url) {
        try {
            new EmbeddedDriver().connect(url + ";shutdown=true", new Properties());
        } catch (SQLException expected) {
            // Derby reports a successful database shutdown as SQLState 08006.
            if (!"08006".equals(expected.getSQLState())) {
                System.getLogger(DerbyGovernanceStore.class.getName()).log(System.Logger.Level.WARNING,
                        "Derby shutdown of " + url + " failed", expected);
            }
        }
    }
}
