package org.iongov.connector.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.spark.sql.SparkSession;
import org.iongov.agent.api.RunHandle;
import org.iongov.agent.api.RunSpec;
import org.iongov.connector.data.PatientData;
import org.iongov.connector.testkit.GovernedEnvironment;
import org.iongov.core.metadata.DatasetRecord;
import org.iongov.core.metadata.DatasetUseRecord;
import org.iongov.core.query.RecordQuery;
import org.iongov.core.query.StatisticQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Governance configured at submission (spark.extraListeners and friends), the application's code untouched. */
class GovernedSparkListenerTest {

    @TempDir
    Path folder;

    @Test
    void anUnchangedApplicationReportsIntoTheConfiguredRun() throws Exception {
        try (GovernedEnvironment env = GovernedEnvironment.startWithSample(folder.resolve("env"), "b-scheduled-retraining.json",
                "inst-b")) {
            Path batch = PatientData.writeCsv(folder.resolve("batch-1.csv"), PatientData.batch(3, 1, 200, false));
            Path out = folder.resolve("out");
            RunHandle run = env.governance().openRun(RunSpec.of("inst-b", "train-recommender").withEngine("spark", "4.0.1"));
            String listener = GovernedSparkListener.class.getName();
            SparkSession spark = SparkSession.builder().master("local[2]").config("spark.ui.enabled", "false")
                    .config("spark.extraListeners", listener).config("spark.sql.queryExecutionListeners", listener)
                    .config("spark.iongov.socket", env.socket().toString()).config("spark.iongov.instance", "inst-b")
                    .config("spark.iongov.run", run.id()).getOrCreate();
            try {
                // The application, which knows nothing of governance.
                long rows = spark.read().option("header", "true").csv(batch.toString()).filter("age > 40").count();
                spark.read().option("header", "true").csv(batch.toString()).write().parquet(out.toString());
                assertTrue(rows > 0);
            } finally {
                spark.stop(); // the application's end: the listener reports totals and flushes
            }
            run.close();
            env.awaitStored();

            assertTrue(env.store().statistics(new StatisticQuery("jobs", run.id(), null, 10)).points().get(0).value() >= 2);
            assertTrue(env.store().statistics(new StatisticQuery("tasks", run.id(), null, 100)).points().size() >= 2);
            List<DatasetUseRecord> uses = env.store().datasetUses(new RecordQuery(run.id(), null, null, null, null, 100));
            List<String> directions = uses.stream().map(u -> u.direction().name().toLowerCase()).sorted().collect(Collectors.toList());
            assertEquals(List.of("read", "written"), directions, uses.toString());
            String readId = uses.stream().filter(u -> u.direction().name().equalsIgnoreCase("read")).findFirst().orElseThrow()
                    .datasetId();
            DatasetRecord read = env.store().datasets(RecordQuery.latest(100)).stream().filter(d -> d.id().equals(readId)).findFirst()
                    .orElseThrow();
            assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(batch))),
                    read.digest());
        }
    }
}
