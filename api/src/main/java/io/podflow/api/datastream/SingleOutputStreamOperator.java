package io.podflow.api.datastream;

import io.podflow.api.environment.StreamExecutionEnvironment;
import io.podflow.api.graph.OperatorTransformation;

/** The stream an operator produces, whose parallelism can be set. */
public class SingleOutputStreamOperator<T> extends DataStream<T> {

    public SingleOutputStreamOperator(StreamExecutionEnvironment environment, OperatorTransformation transformation) {
        super(environment, transformation);
    }

    public SingleOutputStreamOperator<T> setParallelism(int parallelism) {
        ((OperatorTransformation) transformation).setParallelism(parallelism);
        return this;
    }

    /** Names the operator, as the vertex name and the UI show it. */
    public SingleOutputStreamOperator<T> name(String name) {
        ((OperatorTransformation) transformation).setName(name);
        return this;
    }

    public int getParallelism() {
        int own = ((OperatorTransformation) transformation).parallelism();
        return own == OperatorTransformation.DEFAULT_PARALLELISM ? environment.getParallelism() : own;
    }
}
