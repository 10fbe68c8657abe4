package org.iongov.connector.flink.internal;

import java.util.Map;

import org.apache.flink.api.common.typeinfo.BasicArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.iongov.connector.flink.GovernanceConfig;
import org.iongov.connector.flink.InferenceInput;
import org.iongov.connector.flink.Prediction;

/** Wires a scoring operator and its model source into a job. */
public final class InferenceGraph {

    private InferenceGraph() {
    }

    /** The POJO type of predictions of {@code T}: no Kryo. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <T> TypeInformation<Prediction<T>> predictionType(TypeInformation<T> inputType) {
        return (TypeInformation) Types.POJO(Prediction.class, Map.of("input", inputType, "score", Types.DOUBLE, "modelIds",
                BasicArrayTypeInfo.STRING_ARRAY_TYPE_INFO, "recorded", Types.BOOLEAN));
    }

    /** The element type of a stream of predictions. */
    @SuppressWarnings("unchecked")
    public static <T> TypeInformation<T> inputTypeOf(TypeInformation<Prediction<T>> predictionType) {
        if (!(predictionType instanceof PojoTypeInfo<?> pojo) || pojo.getFieldIndex("input") < 0) {
            throw new IllegalArgumentException("expected a stream of Prediction made by GovernedInference, got " + predictionType);
        }
        return (TypeInformation<T>) pojo.getTypeAt("input");
    }

    /**
     * @param control whether {@code input} is a primary's predictions
     * @param models where the models come from
     * @param governed whether the operator reports (false: the benchmark's baseline)
     */
    public static <I, T> SingleOutputStreamOperator<Prediction<T>> score(DataStream<I> input, TypeInformation<T> elementType,
            InferenceInput<T> view, GovernanceConfig config, boolean control, ModelSource models, boolean governed) {
        DataStream<ModelUpdate> updates = input.getExecutionEnvironment()
                .addSource(models, "models for " + config.node(), TypeInformation.of(ModelUpdate.class)).setParallelism(1);
        BroadcastStream<ModelUpdate> broadcast = updates.broadcast(ScoringFunction.MODELS);
        return input.connect(broadcast)
                .process(new ScoringFunction<I, T>(config, view, control, input.getType(), governed), predictionType(elementType))
                .name(config.node()).uid("iongov-score-" + config.node());
    }
}
