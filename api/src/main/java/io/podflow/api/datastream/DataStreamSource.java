package io.podflow.api.datastream;

import io.podflow.api.environment.StreamExecutionEnvironment;
import io.podflow.api.graph.OperatorTransformation;

/** The stream a source produces. */
public final class DataStreamSource<T> extends SingleOutputStreamOperator<T> {

    public DataStreamSource(StreamExecutionEnvironment environment, OperatorTransformation transformation) {
        super(environment, transformation);
    }
}
