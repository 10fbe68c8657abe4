package org.iongov.connector.data;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The demo's medical-test recommendation data, generated deterministically from a seed: the
 * same seed and batch number always give the same rows, byte for byte, so a dataset's content
 * signature identifies it across runs and machines.
 *
 * <p>Whether a CT scan is ordered follows a fixed logistic ground truth over the features plus
 * noise, so a logistic regression can learn it well (AUC about 0.87). A <em>drifted</em> batch
 * models a change in the population (older patients, more fever) and in practice (pain weighs
 * more), which a model trained before it scores worse on.
 */
public final class PatientData {

    /** The CSV header of the files this class writes and reads. */
    public static final String CSV_HEADER = "encounter_id," + String.join(",", PatientRecord.FEATURES) + "," + PatientRecord.LABEL;

    private PatientData() {
    }

    /**
     * A batch of encounters.
     *
     * @param seed the data set's seed
     * @param batch the batch number (0, 1, ...): each batch has its own rows and encounter ids
     * @param rows how many encounters
     * @param drifted whether the batch comes from the drifted population
     */
    public static List<PatientRecord> batch(long seed, int batch, int rows, boolean drifted) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + batch);
        List<PatientRecord> records = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            records.add(encounter(random, "enc-" + seed + "-" + batch + "-" + i, drifted));
        }
        return records;
    }

    /**
     * An endless stream of new encounters (the inference side's input), deterministic per seed.
     * Not thread-safe: one per source.
     */
    public static Stream stream(long seed, boolean drifted) {
        return new Stream(seed, drifted);
    }

    /** Successive encounters of {@link #stream}. */
    public static final class Stream {
        private final SplittableRandom random;
        private final long seed;
        private volatile boolean drifted;
        private long next;

        Stream(long seed, boolean drifted) {
            this.random = new SplittableRandom(seed ^ 0x5DEECE66DL);
            this.seed = seed;
            this.drifted = drifted;
        }

        /** From now on, encounters come from the drifted (or the original) population. */
        public void drift(boolean drifted) {
            this.drifted = drifted;
        }

        public PatientRecord next() {
            return encounter(random, "live-" + seed + "-" + next++, drifted);
        }

        /** How many encounters this stream has produced. */
        public long produced() {
            return next;
        }
    }

    private static PatientRecord encounter(SplittableRandom r, String id, boolean drifted) {
        double age = clamp(gaussian(r, drifted ? 58 : 47, 17), 18, 95);
        double sex = r.nextDouble() < 0.52 ? 1 : 0;
        double bmi = clamp(gaussian(r, 27, 5), 15, 50);
        double systolic = clamp(gaussian(r, 125 + 0.3 * (age - 47), 16), 85, 210);
        double heartRate = clamp(gaussian(r, 80, 13), 40, 170);
        double temperature = clamp(gaussian(r, drifted ? 37.6 : 37.1, 0.7), 35, 41.5);
        double whiteCells = clamp(gaussian(r, 8 + (temperature - 37) * 1.5, 2.5), 2, 30);
        double pain = Math.rint(clamp(gaussian(r, 4, 2.4), 0, 10));
        double priorVisits = Math.floor(clamp(-Math.log(1 - r.nextDouble()) * 1.5, 0, 20));
        // The ground truth: strong enough a signal that a logistic regression reaches an AUC near 0.87.
        double signal = 0.045 * age + 0.25 * sex + 0.02 * bmi + 0.008 * systolic + 0.012 * heartRate
                + 0.06 * (temperature - 37) + 0.11 * whiteCells + (drifted ? 0.42 : 0.28) * pain + 0.08 * priorVisits;
        double logit = -14.7 + 2 * signal + gaussian(r, 0, 0.6);
        int ordered = r.nextDouble() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
        return new PatientRecord(id, round(age, 0), sex, round(bmi, 1), round(systolic, 0), round(heartRate, 0),
                round(temperature, 1), round(whiteCells, 1), pain, priorVisits, ordered);
    }

    /** Writes encounters as CSV, atomically: the file appears whole or not at all. */
    public static Path writeCsv(Path file, List<PatientRecord> records) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            // A hidden name of its own while writing: folder watchers (Spark, Flink) skip hidden files,
            // and two pipelines writing the same batch at once never share a partial file.
            Path partial = Files.createTempFile(parent, "." + file.getFileName() + ".", ".partial");
            try (BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                out.write(CSV_HEADER);
                out.write('\n');
                for (PatientRecord record : records) {
                    out.write(record.csvLine());
                    out.write('\n');
                }
            }
            return Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Reads a file written by {@link #writeCsv}. */
    public static List<PatientRecord> readCsv(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty() || !lines.get(0).equals(CSV_HEADER)) {
                throw new IllegalArgumentException(file + " is not a patient encounter file: its first line must be " + CSV_HEADER);
            }
            List<PatientRecord> records = new ArrayList<>(lines.size() - 1);
            for (int n = 1; n < lines.size(); n++) {
                records.add(parse(lines.get(n), file, n + 1));
            }
            return records;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Parses one CSV line (as written by {@link PatientRecord#csvLine()}). */
    public static PatientRecord parse(String line, Path file, int lineNumber) {
        String[] f = line.split(",", -1);
        if (f.length != PatientRecord.FEATURES.size() + 2) {
            throw new IllegalArgumentException(file + ":" + lineNumber + ": expected " + (PatientRecord.FEATURES.size() + 2)
                    + " columns, found " + f.length);
        }
        try {
            return new PatientRecord(f[0], d(f[1]), d(f[2]), d(f[3]), d(f[4]), d(f[5]), d(f[6]), d(f[7]), d(f[8]), d(f[9]),
                    Integer.parseInt(f[10]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + ":" + lineNumber + ": " + e.getMessage(), e);
        }
    }

    private static double d(String s) {
        return Double.parseDouble(s);
    }

    private static double gaussian(SplittableRandom r, double mean, double sd) {
        // Box-Muller on SplittableRandom, which (unlike Random) has no nextGaussian on Java 17.
        double u = 1 - r.nextDouble();
        double v = r.nextDouble();
        return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(max, v));
    }

    private static double round(double v, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.rint(v * scale) / scale;
    }
}
