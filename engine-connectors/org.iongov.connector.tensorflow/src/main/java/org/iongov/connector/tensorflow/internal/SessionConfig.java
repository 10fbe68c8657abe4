package org.iongov.connector.tensorflow.internal;

import org.tensorflow.proto.ConfigProto;

/** Session settings shared by training and scoring. */
public final class SessionConfig {

    private SessionConfig() {
    }

    /**
     * One thread per op and one op at a time: reductions then always add in the same order, so
     * training is repeatable and a reloaded model scores exactly as the session that trained it.
     * Engines (Flink, Spark) parallelise across operators instead.
     */
    public static ConfigProto singleThreaded() {
        return ConfigProto.newBuilder().setIntraOpParallelismThreads(1).setInterOpParallelismThreads(1).build();
    }
}
