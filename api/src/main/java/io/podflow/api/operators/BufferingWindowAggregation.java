package io.podflow.api.operators;

import io.podflow.api.functions.Collector;
import io.podflow.api.functions.WindowFunction;
import io.podflow.api.windowing.TimeWindow;

import java.util.ArrayList;
import java.util.List;

/** Keeps every record of a key and window, and hands them to a {@link WindowFunction} when it fires. */
public record BufferingWindowAggregation(WindowFunction<Object, Object, Object, TimeWindow> function)
        implements WindowAggregation {

    @Override
    @SuppressWarnings("unchecked")
    public Object add(Object accumulator, Object value) {
        List<Object> records = accumulator == null ? new ArrayList<>() : (List<Object>) accumulator;
        records.add(value);
        return records;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void emit(Object key, TimeWindow window, Object accumulator, Collector<Object> out) throws Exception {
        function.apply(key, window, (List<Object>) accumulator, out);
    }
}
