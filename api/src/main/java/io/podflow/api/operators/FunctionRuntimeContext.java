package io.podflow.api.operators;

import io.podflow.api.functions.RuntimeContext;
import io.podflow.api.runtime.OperatorContext;
import io.podflow.api.state.ValueState;
import io.podflow.api.state.ValueStateDescriptor;

/** The {@link RuntimeContext} handed to rich user functions. */
final class FunctionRuntimeContext implements RuntimeContext {

    private final OperatorContext context;
    private final KeyedStateStore keyedState;

    FunctionRuntimeContext(OperatorContext context, KeyedStateStore keyedState) {
        this.context = context;
        this.keyedState = keyedState;
    }

    @Override
    public String getTaskName() {
        return context.taskName();
    }

    @Override
    public int getIndexOfThisSubtask() {
        return context.subtaskIndex();
    }

    @Override
    public int getNumberOfParallelSubtasks() {
        return context.parallelism();
    }

    @Override
    public <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor) {
        if (keyedState == null) {
            throw new IllegalStateException("State '" + descriptor.name() + "' is keyed state, which needs a keyed "
                    + "stream: call keyBy(...) before this function");
        }
        return keyedState.valueState(descriptor);
    }
}
