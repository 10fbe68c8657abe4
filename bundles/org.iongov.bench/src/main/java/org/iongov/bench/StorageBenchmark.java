package org.iongov.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.iongov.core.metadata.EventRecord;
import org.iongov.core.metadata.IngestBatch;
import org.iongov.core.metadata.IonInstanceRecord;
import org.iongov.core.metadata.LogRecord;
import org.iongov.core.metadata.MetadataRecord;
import org.iongov.core.metadata.ModelRecord;
import org.iongov.core.metadata.RunRecord;
import org.iongov.core.metadata.SignatureRecord;
import org.iongov.core.metadata.StatisticRecord;
import org.iongov.core.store.GovernanceStore;

/**
 * Bytes on disk for one day of the paper's three-node ION, with the mix of its Table 1:
 * 536K statistics, 1.8K signatures (~75 KB of histogram each), 264 logs (~280 KB each),
 * 24 models (~2 KB) and 84 events. Generated deterministically with a seed.
 */
final class StorageBenchmark {

    private static final Instant T0 = StoreBenchmarks.T0;
    private static final long DAY_MS = 86_400_000L;

    private StorageBenchmark() {
    }

    static List<Figure> run(BenchContext ctx) throws Exception {
        int scale = ctx.quick() ? 10 : 1; // quick: a tenth of the day, figures scaled up
        Path folder = ctx.folder("storage-day");
        Random random = new Random(7);
        int statistics = 536_000 / scale;
        int signatures = 1_800 / scale;
        int logs = 264 / scale;
        int models = 24 / scale;
        int events = 84 / scale;
        ctx.say("generating " + (scale == 1 ? "a day" : "a tenth of a day") + " of the paper's Table 1 mix...");
        long rawBytes = 0;
        java.util.Map<org.iongov.core.metadata.RecordKind, Long> byKind;
        try (GovernanceStore store = StoreBenchmarks.openStore(folder)) {
            store.addIonDefinition("paper-three-node", "{\"name\":\"paper-three-node\"}");
            List<MetadataRecord> setup = new ArrayList<>();
            setup.add(new IonInstanceRecord("day-1", "paper-three-node", 1, T0, null));
            for (int r = 0; r < 24; r++) {
                setup.add(new RunRecord("train-" + r, "day-1", "train", RunRecord.NodeKind.PIPELINE, T0.plusSeconds(3600L * r), "spark-1",
                        "spark", "4.0.1", "agent-spark", "git://medtest/train.py", "a1b2c3", "{\"regParam\":0.01}", null));
            }
            setup.add(new RunRecord("infer", "day-1", "infer", RunRecord.NodeKind.PIPELINE, T0, "flink-1", "flink", "2.1.1", "agent-flink",
                    "git://medtest/infer.java", "d4e5f6", null, null));
            store.ingest(new IngestBatch(setup));

            List<MetadataRecord> batch = new ArrayList<>();
            for (int i = 0; i < statistics; i++) {
                String run = i % 4 == 0 ? "train-" + (i % 24) : "infer";
                batch.add(new StatisticRecord(String.format("stat:%09d", i), run, null, "stat-" + (i % 40),
                        T0.plusMillis(i * DAY_MS / statistics / scale), random.nextGaussian(), null));
                rawBytes += 8;
                flush(store, batch, 20_000);
            }
            flush(store, batch, 0);
            for (int i = 0; i < signatures; i++) {
                String histogram = histogram(random, 4_000);
                rawBytes += histogram.length();
                batch.add(new SignatureRecord(String.format("sig:%06d", i), "infer", "scorer",
                        i % 2 == 0 ? SignatureRecord.SignatureTarget.INPUT : SignatureRecord.SignatureTarget.PREDICTION,
                        "feature-" + (i % 30), T0.plusMillis(i * DAY_MS / signatures / scale), histogram));
                flush(store, batch, 100);
            }
            flush(store, batch, 0);
            for (int i = 0; i < logs; i++) {
                String text = logText(random, 280_000, i);
                rawBytes += text.length();
                batch.add(new LogRecord(String.format("log:%05d", i), i % 2 == 0 ? "infer" : "train-" + (i % 24),
                        T0.plusMillis(i * DAY_MS / logs / scale), "INFO", text));
                flush(store, batch, 20);
            }
            flush(store, batch, 0);
            for (int i = 0; i < models; i++) {
                byte[] pmml = pmml(random).getBytes(StandardCharsets.UTF_8);
                rawBytes += pmml.length;
                batch.add(new ModelRecord("model-" + i, "train-" + (i % 24), "logistic-regression", ModelRecord.ModelFormat.PMML,
                        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pmml)), pmml.length,
                        T0.plusSeconds(3600L * i + 3000), pmml, null, "{\"inputs\":[\"age\",\"bmi\",\"pain_score\"]}"));
            }
            for (int i = 0; i < events; i++) {
                String details = "{\"window\":\"" + T0.plusSeconds(i * 1000L) + "\",\"feature\":\"feature-" + (i % 30)
                        + "\",\"divergence\":" + random.nextDouble() + ",\"threshold\":0.2,\"context\":\"" + "x".repeat(1200) + "\"}";
                rawBytes += details.length();
                batch.add(new EventRecord(String.format("event:%04d", i), "day-1", "infer", T0.plusSeconds(i * 1000L), "alert",
                        EventRecord.Severity.WARNING, "input drift on feature-" + (i % 30), details));
            }
            flush(store, batch, 0);
            byKind = store.storageBytes();
        }
        long bytes = BenchContext.sizeOf(folder.resolve("db")) * scale;
        ctx.say(String.format("Derby folder: data (seg0) %,.1f MB, transaction log %,.1f MB (scaled)",
                BenchContext.sizeOf(folder.resolve("db").resolve("seg0")) * scale / 1e6,
                BenchContext.sizeOf(folder.resolve("db").resolve("log")) * scale / 1e6));
        long objects = (long) (statistics + signatures + logs + models + events) * scale;
        String note = (scale == 1 ? "one generated day" : "a tenth of a day, scaled by 10") + String.format(
                Locale.ROOT, "; %,d objects; payload before compression %,.0f MB; Derby folder after shutdown", objects, rawBytes * scale / 1e6);
        List<Figure> figures = new ArrayList<>();
        figures.add(Figure.atMost("storage", "store size per paper-day (three-node ION)", bytes / 1e6, "MB", 150,
                "452 MB (538K objects)", note));
        String[][] paper = { { "statistic", "242 MB (536K)" }, { "signature", "136 MB (1.8K)" }, { "log", "74 MB (264)" },
                { "model", "48 KB (24)" }, { "event", "140 KB (84)" } };
        for (String[] kind : paper) {
            long kindBytes = byKind.get(org.iongov.core.metadata.RecordKind.fromWireName(kind[0]).orElseThrow()) * scale;
            figures.add(Figure.plain("storage", kind[0] + " bytes per day", kindBytes / 1e6, "MB", kind[1],
                    "table and its indexes, allocated pages"));
        }
        return figures;
    }

    private static void flush(GovernanceStore store, List<MetadataRecord> batch, int atSize) {
        if (!batch.isEmpty() && batch.size() >= atSize) {
            store.ingest(new IngestBatch(batch));
            batch.clear();
        }
    }

    /** A fine-grained histogram as JSON: bin edges and bell-shaped, noisy counts. */
    private static String histogram(Random random, int bins) {
        StringBuilder json = new StringBuilder(bins * 20).append("{\"edges\":[");
        for (int b = 0; b <= bins; b++) {
            json.append(b == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.6f", -4 + 8.0 * b / bins));
        }
        json.append("],\"counts\":[");
        for (int b = 0; b < bins; b++) {
            double x = -4 + 8.0 * b / bins;
            long count = Math.max(0, Math.round(5000 * Math.exp(-x * x / 2) + random.nextGaussian() * 40));
            json.append(b == 0 ? "" : ",").append(count);
        }
        return json.append("]}").toString();
    }

    /** Engine log text: timestamped lines with varying numbers, as Spark and Flink write them. */
    private static String logText(Random random, int length, int seq) {
        String[] loggers = { "o.a.s.scheduler.TaskSetManager", "o.a.s.storage.BlockManagerInfo", "o.a.f.r.taskmanager.Task",
                "o.a.s.executor.Executor", "org.iongov.connector.SparkListener" };
        StringBuilder text = new StringBuilder(length + 200);
        long t = T0.toEpochMilli() + seq * 1000L;
        while (text.length() < length) {
            t += random.nextInt(50);
            text.append(Instant.ofEpochMilli(t)).append(" INFO ").append(loggers[random.nextInt(loggers.length)])
                    .append(": Finished task ").append(random.nextInt(200)).append(".0 in stage ").append(random.nextInt(40))
                    .append(".0 (TID ").append(random.nextInt(100_000)).append(") in ").append(random.nextInt(3000))
                    .append(" ms on localhost (executor driver) (").append(random.nextInt(200)).append("/200)\n");
        }
        return text.toString();
    }

    private static String pmml(Random random) {
        StringBuilder xml = new StringBuilder("<PMML version=\"4.4\"><DataDictionary>");
        for (String f : new String[] { "age", "bmi", "pain_score", "heart_rate", "systolic" }) {
            xml.append("<DataField name=\"").append(f).append("\" optype=\"continuous\" dataType=\"double\"/>");
        }
        xml.append("</DataDictionary><RegressionModel functionName=\"classification\" normalizationMethod=\"logit\">"
                + "<RegressionTable intercept=\"").append(random.nextGaussian()).append("\" targetCategory=\"ct\">");
        for (String f : new String[] { "age", "bmi", "pain_score", "heart_rate", "systolic" }) {
            xml.append("<NumericPredictor name=\"").append(f).append("\" coefficient=\"").append(random.nextGaussian()).append("\"/>");
        }
        xml.append("</RegressionTable></RegressionModel></PMML>");
        while (xml.length() < 2000) {
            xml.append(' ');
        }
        return xml.toString();
    }
}
