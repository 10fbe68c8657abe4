package org.iongov.core.metadata;

/**
 * One setting of a hyperparameter search and its metric.
 *
 * @param id the record id
 * @param runId the training run
 * @param parametersJson the setting, as a JSON object
 * @param metric the metric's name
 * @param value the metric's value for that setting
 * @param chosen whether the search chose this setting
 */
public record SearchResultRecord(String id, String runId, String parametersJson, String metric, double value, boolean chosen)
        implements MetadataRecord {

    @Override
    public RecordKind kind() {
        return RecordKind.SEARCH_RESULT;
    }
}
