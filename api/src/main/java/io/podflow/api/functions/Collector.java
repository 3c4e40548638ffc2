package io.podflow.api.functions;

/** Takes the records a function emits. */
@FunctionalInterface
public interface Collector<T> {

    void collect(T record);
}
