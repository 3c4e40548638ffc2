package io.podflow.api.operators;

import io.podflow.api.functions.SourceFunction;
import io.podflow.api.runtime.StreamRecord;

/**
 * The head of a source chain. The task runs {@link #function()} on a thread of its own and feeds what it emits
 * through this operator, so the rest of the chain stays on the task thread.
 */
public final class SourceOperator extends UserFunctionOperator<SourceFunction<Object>> {

    public SourceOperator(SourceFunction<Object> function) {
        super(function);
    }

    public SourceFunction<Object> function() {
        return function;
    }

    @Override
    public void processElement(StreamRecord record) throws Exception {
        output().collect(record);
    }
}
