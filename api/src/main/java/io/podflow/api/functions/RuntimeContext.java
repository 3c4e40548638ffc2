package io.podflow.api.functions;

import io.podflow.api.state.ValueState;
import io.podflow.api.state.ValueStateDescriptor;

/** What a function sees of the subtask running it. */
public interface RuntimeContext {

    String getTaskName();

    int getIndexOfThisSubtask();

    int getNumberOfParallelSubtasks();

    /** State scoped to the key of the record being processed; only on a keyed stream. */
    <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor);
}
