package io.podflow.api.functions;

/** Computes the result of one window of one key from all of the window's records. */
@FunctionalInterface
public interface WindowFunction<IN, OUT, KEY, W> extends Function {

    void apply(KEY key, W window, Iterable<IN> records, Collector<OUT> out) throws Exception;
}
