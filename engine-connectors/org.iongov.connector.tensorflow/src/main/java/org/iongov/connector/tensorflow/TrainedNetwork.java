package org.iongov.connector.tensorflow;

import java.util.List;

import org.iongov.agent.api.ModelArtifact;
import org.iongov.agent.api.RunHandle;

/**
 * What {@link NeuralNetworkTrainer#train} produced: the SavedModel archive, its metadata (read
 * back from the SavedModel), the holdout evaluation and the holdout's scores as the training
 * session computed them. Arrays are shared, not copied: do not change them.
 *
 * @param savedModel the SavedModel archive ({@link SavedModelArchive})
 * @param metadataJson the signature and features extracted from the exported SavedModel
 * @param epochLosses the training set's mean log loss after each epoch
 * @param holdoutFeatures the holdout rows (raw features)
 * @param holdoutLabels their labels
 * @param holdoutScores P(positive) for each, from the training session
 * @param auc area under the ROC curve on the holdout
 * @param accuracy at threshold 0.5
 * @param precision at threshold 0.5
 * @param recall at threshold 0.5
 * @param confusionJson the confusion matrix at threshold 0.5, as reported
 */
public record TrainedNetwork(byte[] savedModel, String metadataJson, List<Double> epochLosses, double[][] holdoutFeatures,
        int[] holdoutLabels, double[] holdoutScores, double auc, double accuracy, double precision, double recall,
        String confusionJson) {

    /** The model name used in the artifact. */
    public static final String MODEL_NAME = "neural-network";

    /** The model as a {@code saved-model} artifact with its extracted metadata. */
    public ModelArtifact artifact() {
        return new ModelArtifact(MODEL_NAME, "saved-model", savedModel, metadataJson);
    }

    /** Publishes the model on the run's output channel; returns the model's id. */
    public String publish(RunHandle run, String channel) {
        return run.publishModel(channel, artifact());
    }
}
