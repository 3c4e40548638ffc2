package io.podflow.api.functions;

/** Turns each record into zero or more records. */
@FunctionalInterface
public interface FlatMapFunction<T, O> extends Function {

    void flatMap(T value, Collector<O> out) throws Exception;
}
