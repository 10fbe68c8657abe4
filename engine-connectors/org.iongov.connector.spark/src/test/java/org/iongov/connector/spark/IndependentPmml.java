package org.iongov.connector.spark;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * pmml4s, an evaluator we did not write, in a class loader of its own (it needs scala-xml 1.x,
 * Spark 4 brings 2.x). The build copies its jars to the folder in the system property pmml4s.lib.
 */
final class IndependentPmml {

    private final Object model;
    private final Method predict;

    IndependentPmml(byte[] pmml) throws ReflectiveOperationException, IOException {
        Path lib = Path.of(System.getProperty("pmml4s.lib", "target/pmml4s"));
        List<Path> jars;
        try (Stream<Path> files = Files.list(lib)) {
            jars = files.filter(f -> f.toString().endsWith(".jar")).toList();
        }
        if (jars.isEmpty()) {
            throw new IllegalStateException("no pmml4s jars in " + lib + ": build with Maven, which copies them");
        }
        URL[] urls = new URL[jars.size()];
        for (int i = 0; i < urls.length; i++) {
            urls[i] = jars.get(i).toUri().toURL();
        }
        ClassLoader loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
        Class<?> type = loader.loadClass("org.pmml4s.model.Model");
        model = type.getMethod("fromBytes", byte[].class).invoke(null, (Object) pmml);
        predict = type.getMethod("predict", Map.class);
    }

    /** The model's output fields for these inputs. */
    @SuppressWarnings("unchecked")
    Map<String, Object> predict(Map<String, Object> inputs) throws ReflectiveOperationException {
        return (Map<String, Object>) predict.invoke(model, inputs);
    }
}
