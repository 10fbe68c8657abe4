package org.iongov.connector.spark.demo;

/** Keeps the demo's output to its progress lines: Spark's INFO logging would drown them. */
final class DemoLogging {

    private DemoLogging() {
    }

    /** Call first thing in main, before Spark (and with it Log4j) starts. */
    static void quiet() {
        if (System.getProperty("log4j2.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", "org/iongov/connector/spark/demo/log4j2-demo.properties");
        }
    }
}
