package org.iongov.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.iongov.agent.api.Governance;
import org.iongov.agent.api.ModelArtifact;
import org.iongov.agent.api.RunHandle;
import org.iongov.agent.api.RunSpec;
import org.iongov.connector.data.PatientData;
import org.iongov.connector.data.PatientRecord;
import org.iongov.connector.pmml.LogisticRegressionPmml;
import org.iongov.connector.pmml.PmmlRegressionModel;
import org.iongov.connector.standalone.GovernedScorer;
import org.iongov.connector.testkit.GovernedEnvironment;
import org.iongov.core.metadata.PredictionRecord;
import org.iongov.core.query.RecordQuery;
import org.iongov.core.query.StatisticQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A plain Java inference program, governed through the API alone, against a real agent, server and store. */
class StandaloneScoringTest {

    @TempDir
    Path dir;

    @Test
    void modelsSwapMidStreamAndEveryPredictionNamesTheModelThatMadeIt() throws Exception {
        try (GovernedEnvironment env = GovernedEnvironment.startWithSample(dir, "b-scheduled-retraining.json", "inst-b")) {
            Governance governance = env.governance();
            byte[] first = model(new double[] {0.05, 0.3, 0.02, 0.01, 0.01, 0.1, 0.1, 0.3, 0.1}, -9);
            byte[] second = model(new double[] {0.09, 0.5, 0.04, 0.016, 0.024, 0.12, 0.22, 0.56, 0.16}, -14.7);
            String firstId = publish(governance, first);

            try (RunHandle run = governance.openRun(RunSpec.of("inst-b", "recommend-tests").withEngine("standalone", "1"));
                    GovernedScorer scorer = GovernedScorer.start(governance, run, "inst-b", "recommend-tests", "trained-model",
                            Duration.ofMillis(200))) {
                assertThrows(IllegalStateException.class, () -> scorer.score("x", new double[9], "{}"), "no model yet");
                assertTrue(scorer.awaitModel(Duration.ofSeconds(30)), "the approved model arrives");
                List<PatientRecord> stream = PatientData.batch(3, 0, 400, false);
                for (PatientRecord r : stream.subList(0, 200)) {
                    scorer.score(r.encounterId(), r.features(), r.featuresJson());
                }
                String secondId = publish(governance, second);
                scorer.awaitModel(secondId, Duration.ofSeconds(30));
                assertEquals(secondId, scorer.currentModelId(), "the second model replaced the first mid-stream");
                for (PatientRecord r : stream.subList(200, 400)) {
                    scorer.score(r.encounterId(), r.features(), r.featuresJson());
                }
            }
            env.awaitStored();

            Map<String, PmmlRegressionModel> models = new HashMap<>();
            models.put(firstId, PmmlRegressionModel.parse(first));
            models.put(env.store().models(RecordQuery.latest(10)).get(0).id(), PmmlRegressionModel.parse(second));
            List<PredictionRecord> predictions = env.store().predictions(new RecordQuery(null, "inst-b", null, null, null, 1000));
            assertEquals(400, predictions.size(), "no prediction lost");
            Map<String, PatientRecord> inputs = new HashMap<>();
            PatientData.batch(3, 0, 400, false).forEach(r -> inputs.put(r.encounterId(), r));
            for (PredictionRecord p : predictions) {
                assertEquals(1, p.modelIds().size());
                double expected = models.get(p.modelIds().get(0)).score(inputs.get(p.id()).features());
                assertEquals("{\"probability\":" + expected + "}", p.outputJson(), "prediction " + p.id() + " was made by "
                        + p.modelIds());
            }
            assertEquals(2, predictions.stream().map(p -> p.modelIds().get(0)).distinct().count());
            String runId = predictions.get(0).runId();
            assertEquals(2, env.store().messageReceipts(new RecordQuery(runId, null, null, null, null, 10)).size(),
                    "both deliveries were acknowledged by the run");
            assertFalse(env.store().statistics(new StatisticQuery("throughput", runId, null, 100)).points().isEmpty());
            assertFalse(env.store().statistics(new StatisticQuery("latency-p99-us", runId, null, 100)).points().isEmpty());
        }
    }

    private static byte[] model(double[] coefficients, double intercept) {
        return LogisticRegressionPmml.write("lr", PatientRecord.FEATURES, coefficients, intercept, PatientRecord.LABEL);
    }

    private static String publish(Governance governance, byte[] pmml) {
        try (RunHandle training = governance.openRun(RunSpec.of("inst-b", "train-recommender").withEngine("standalone", "1"))) {
            return training.publishModel("trained-model", new ModelArtifact("lr", "pmml", pmml, null));
        }
    }
}
