package io.podflow.api.functions;

/** Receives every record that reaches the end of a stream. */
@FunctionalInterface
public interface SinkFunction<T> extends Function {

    void invoke(T value) throws Exception;
}
