package org.iongov.connector.spark.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.iongov.connector.data.PatientRecord;
import org.iongov.connector.pmml.LogisticRegressionPmml;

/**
 * The code reference the recommender's runs record, checkable when a run is replayed: the URI
 * names the class whose training produced the model, the version is a SHA-256 over the compiled
 * classes that training executes from IonGov, by class name: the Spark connector's own classes
 * (the demo package's other mains excepted), the recommender and its settings, and of
 * {@code org.iongov.connector.core} the PMML package and {@code PatientRecord} (the features,
 * their order and the label: the model's schema). Rebuilding unchanged sources gives the same
 * version; changing any of that code gives another, and a replay refuses. Spark itself is the
 * run's engine version, checked separately.
 */
final class TrainingCode {

    /** The code URI recorded with each training run. */
    static final String URI = "java:" + RecommenderTraining.class.getName();

    private static volatile String version;

    private TrainingCode() {
    }

    /** {@code sha256:<hex>} of the training code on this JVM's class path (computed once). */
    static String version() {
        String v = version;
        if (v == null) {
            v = compute();
            version = v;
        }
        return v;
    }

    private static String compute() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, byte[]> c : classes().entrySet()) {
                digest.update(c.getKey().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(c.getValue());
            }
            return "sha256:" + HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The class files the version is a digest of, by name (sorted), with their bytes. */
    static Map<String, byte[]> classes() {
        // Which classes, by where they are loaded from: each code location with the class names that count.
        Predicate<String> connector = name -> name.startsWith("org/iongov/connector/spark/") && !name.startsWith("org/iongov/connector/spark/demo/")
                || name.startsWith("org/iongov/connector/spark/demo/RecommenderTraining") || name.startsWith("org/iongov/connector/spark/demo/TrainingSettings");
        // Of connector.core: the PMML writer, and the features and label the model is trained on and exported with.
        Predicate<String> core = name -> name.startsWith("org/iongov/connector/pmml/") || name.equals("org/iongov/connector/data/PatientRecord.class")
                || name.startsWith("org/iongov/connector/data/PatientRecord$");
        Map<String, byte[]> classes = new TreeMap<>();
        collect(RecommenderTraining.class, connector, classes);
        collect(LogisticRegressionPmml.class, core, classes);
        collect(PatientRecord.class, core, classes);
        return classes;
    }

    /** The .class files under the location {@code type} was loaded from (a folder or a jar) whose names pass the filter. */
    private static void collect(Class<?> type, Predicate<String> wanted, Map<String, byte[]> into) {
        Path location;
        try {
            location = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("cannot tell where " + type.getName() + " was loaded from", e);
        }
        try {
            if (Files.isDirectory(location)) {
                List<Path> files;
                try (Stream<Path> walk = Files.walk(location)) {
                    files = walk.filter(Files::isRegularFile).toList();
                }
                for (Path file : files) {
                    String name = location.relativize(file).toString().replace('\\', '/');
                    if (name.endsWith(".class") && wanted.test(name)) {
                        into.put(name, Files.readAllBytes(file));
                    }
                }
            } else {
                try (JarFile jar = new JarFile(location.toFile())) {
                    for (JarEntry entry : java.util.Collections.list(jar.entries())) {
                        if (!entry.isDirectory() && entry.getName().endsWith(".class") && wanted.test(entry.getName())) {
                            try (InputStream in = jar.getInputStream(entry)) {
                                into.put(entry.getName(), in.readAllBytes());
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the training code at " + location, e);
        }
    }
}
