package org.iongov.connector.spark.internal;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.spark.SparkConf;
import org.iongov.agent.api.Governance;
import org.iongov.agent.api.RunHandle;

/**
 * The run a Spark application reports into when governance is configured ({@code spark.iongov.*})
 * rather than coded: one agent connection per run, shared by the listeners Spark makes.
 */
public final class ConfiguredRun {

    public static final String SOCKET = "spark.iongov.socket";
    public static final String INSTANCE = "spark.iongov.instance";
    public static final String RUN = "spark.iongov.run";

    private static final Map<String, ConfiguredRun> RUNS = new ConcurrentHashMap<>();

    private final String key;
    private final Governance governance;
    private final RunHandle run;

    private ConfiguredRun(String key, Path socket, String instance, String runId) {
        this.key = key;
        this.governance = Governance.connect(socket);
        this.run = governance.attachRun(instance, runId);
    }

    /** The run named by the configuration; a missing setting is an error naming it. */
    public static ConfiguredRun of(SparkConf conf) {
        String socket = required(conf, SOCKET, "the agent's socket, e.g. /var/iongov/spool/agent.sock");
        String instance = required(conf, INSTANCE, "the ION instance id");
        String runId = required(conf, RUN, "the id of the run opened for this application");
        String key = socket + '\n' + instance + '\n' + runId;
        return RUNS.computeIfAbsent(key, k -> new ConfiguredRun(k, Path.of(socket), instance, runId));
    }

    private static String required(SparkConf conf, String name, String what) {
        String value = conf.get(name, null);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("IonGov governance needs --conf " + name + "=<" + what + ">");
        }
        return value;
    }

    public RunHandle run() {
        return run;
    }

    /** Flushes what was reported to the agent (up to 30 s) and disconnects. */
    public void close() {
        RUNS.remove(key, this);
        governance.close();
    }
}
