package io.podflow.api.operators;

import io.podflow.api.functions.SinkFunction;
import io.podflow.api.runtime.StreamRecord;

/** Hands each record to a {@link SinkFunction}; the end of a chain. */
public final class SinkOperator extends UserFunctionOperator<SinkFunction<Object>> {

    public SinkOperator(SinkFunction<Object> function) {
        super(function);
    }

    @Override
    public void processElement(StreamRecord record) throws Exception {
        function.invoke(record.value());
    }
}
