package org.iongov.core.metadata;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of metadata records, with their wire names. */
public enum RecordKind {
    ION_INSTANCE("ionInstance"),
    RUN("run"),
    RUN_END("runEnd"),
    COMPONENT_RUN("componentRun"),
    STATISTIC("statistic"),
    SIGNATURE("signature"),
    MESSAGE("message"),
    MESSAGE_RECEIVED("messageReceived"),
    MODEL("model"),
    DATASET("dataset"),
    DATASET_USE("datasetUse"),
    PREDICTION("prediction"),
    EVENT("event"),
    LOG("log"),
    SEARCH_RESULT("searchResult"),
    CONTEXT("context"),
    HUMAN_ACTION("humanAction");

    private final String wireName;

    RecordKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<RecordKind> fromWireName(String name) {
        return Arrays.stream(values()).filter(k -> k.wireName.equals(name)).findFirst();
    }

    /** All wire names, for error messages. */
    public static String wireNames() {
        return String.join(", ", Arrays.stream(values()).map(RecordKind::wireName).toList());
    }

    @Override
    public String toString() {
        return wireName.toLowerCase(Locale.ROOT);
    }
}
