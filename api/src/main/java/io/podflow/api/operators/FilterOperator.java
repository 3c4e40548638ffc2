package io.podflow.api.operators;

import io.podflow.api.functions.FilterFunction;
import io.podflow.api.runtime.StreamRecord;

/** Passes on the records a {@link FilterFunction} accepts. */
public final class FilterOperator extends UserFunctionOperator<FilterFunction<Object>> {

    public FilterOperator(FilterFunction<Object> function) {
        super(function);
    }

    @Override
    public void processElement(StreamRecord record) throws Exception {
        if (function.filter(record.value())) {
            output().collect(record);
        }
    }
}
