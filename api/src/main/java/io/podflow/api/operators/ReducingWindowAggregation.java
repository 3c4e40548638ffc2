package io.podflow.api.operators;

import io.podflow.api.functions.Collector;
import io.podflow.api.functions.ReduceFunction;
import io.podflow.api.windowing.TimeWindow;

/** Keeps one reduced value per key and window, emitted as the window's result. */
public record ReducingWindowAggregation(ReduceFunction<Object> function) implements WindowAggregation {

    @Override
    public Object add(Object accumulator, Object value) throws Exception {
        return accumulator == null ? value : function.reduce(accumulator, value);
    }

    @Override
    public void emit(Object key, TimeWindow window, Object accumulator, Collector<Object> out) {
        out.collect(accumulator);
    }
}
