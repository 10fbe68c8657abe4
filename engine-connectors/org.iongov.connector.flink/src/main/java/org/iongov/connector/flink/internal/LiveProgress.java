package org.iongov.connector.flink.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Per node, how many inputs were scored and with which models: read by a driver whose job runs
 * in its own JVM (a local environment), to print progress. Updated once per measured record.
 */
public final class LiveProgress {

    private static final Map<String, LiveProgress> NODES = new ConcurrentHashMap<>();

    public final AtomicLong scored = new AtomicLong();
    public volatile String models = "";

    private LiveProgress() {
    }

    /** Starts counting this node afresh (a new job in the same JVM). */
    public static void reset(String node) {
        NODES.remove(node);
    }

    public static LiveProgress of(String node) {
        return NODES.computeIfAbsent(node, n -> new LiveProgress());
    }
}
