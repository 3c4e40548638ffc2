package io.podflow.taskmanager.task;

import io.podflow.protocol.TaskExecutionState;

/** Hears every state change of a task, on the task's own thread or the cancelling one. */
@FunctionalInterface
public interface TaskStateListener {

    void stateChanged(TaskExecutionState state);
}
