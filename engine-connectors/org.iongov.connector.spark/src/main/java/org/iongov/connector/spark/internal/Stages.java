package org.iongov.connector.spark.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamPair;
import org.apache.spark.ml.param.Params;
import org.apache.spark.ml.tuning.CrossValidator;
import org.apache.spark.ml.tuning.CrossValidatorModel;
import org.apache.spark.ml.tuning.TrainValidationSplit;
import org.apache.spark.ml.tuning.TrainValidationSplitModel;

/** Walking Spark ML stages: pipelines and tuners are unwrapped to the stages that do the work. */
public final class Stages {

    private Stages() {
    }

    /** The stages in order: a pipeline's stages, a tuner's (best) model's, or the stage itself. */
    public static List<PipelineStage> flatten(PipelineStage stage) {
        List<PipelineStage> out = new ArrayList<>();
        flatten(stage, out);
        return out;
    }

    private static void flatten(PipelineStage stage, List<PipelineStage> out) {
        if (stage instanceof PipelineModel model) {
            for (Transformer t : model.stages()) {
                flatten(t, out);
            }
        } else if (stage instanceof Pipeline pipeline) {
            for (PipelineStage s : pipeline.getStages()) {
                flatten(s, out);
            }
        } else if (stage instanceof TrainValidationSplitModel tvs) {
            flatten(tvs.bestModel(), out);
        } else if (stage instanceof CrossValidatorModel cv) {
            flatten(cv.bestModel(), out);
        } else if (stage instanceof TrainValidationSplit tvs) {
            flatten(tvs.getEstimator(), out);
        } else if (stage instanceof CrossValidator cv) {
            flatten(cv.getEstimator(), out);
        } else {
            out.add(stage);
        }
    }

    /** The last logistic regression model among the stages, or null. */
    public static LogisticRegressionModel logisticRegression(List<PipelineStage> stages) {
        LogisticRegressionModel found = null;
        for (PipelineStage s : stages) {
            if (s instanceof LogisticRegressionModel lr) {
                found = lr;
            }
        }
        return found;
    }

    /** The input columns of the first vector assembler among the stages, or null. */
    public static List<String> assembledColumns(List<PipelineStage> stages) {
        for (PipelineStage s : stages) {
            if (s instanceof VectorAssembler assembler) {
                return List.of(assembler.getInputCols());
            }
        }
        return null;
    }

    /** A stage's defined parameters (set or default), each as its own JSON encoding. */
    public static Map<String, Object> parameters(Params stage) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Param<?> param : stage.params()) {
            if (stage.isDefined(param)) {
                out.put(param.name(), encode(param, stage.getOrDefault(param)));
            }
        }
        return out;
    }

    /** A parameter value as a plain JSON value where it is one, else as Spark's JSON encoding. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Object encode(Param<?> param, Object value) {
        if (value == null || value instanceof Number || value instanceof Boolean || value instanceof String) {
            return value;
        }
        try {
            return new Json.Raw(((Param) param).jsonEncode(value));
        } catch (RuntimeException e) {
            return value.toString();
        }
    }

    /** A grid setting's parameters by name (qualified by the stage's uid when two stages share a name). */
    public static Map<String, Object> setting(List<ParamPair<?>> pairs) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (ParamPair<?> pair : pairs) {
            String key = pair.param().name();
            if (out.containsKey(key)) {
                key = pair.param().parent() + "." + key;
            }
            Object value = encode(pair.param(), pair.value());
            out.put(key, value instanceof Json.Raw raw ? raw.json() : value);
        }
        return out;
    }
}
