package io.podflow.api.datastream;

import io.podflow.api.graph.OperatorTransformation;

/** The end of a stream; its parallelism can be set. */
public final class DataStreamSink<T> {

    private final OperatorTransformation transformation;

    DataStreamSink(OperatorTransformation transformation) {
        this.transformation = transformation;
    }

    public DataStreamSink<T> setParallelism(int parallelism) {
        transformation.setParallelism(parallelism);
        return this;
    }

    /** Names the sink, as the vertex name and the UI show it. */
    public DataStreamSink<T> name(String name) {
        transformation.setName(name);
        return this;
    }
}
