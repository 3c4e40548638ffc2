package io.podflow.api.functions;

/** Turns each record into exactly one record. */
@FunctionalInterface
public interface MapFunction<T, O> extends Function {

    O map(T value) throws Exception;
}
