package io.podflow.protocol.job;

import io.podflow.protocol.ExecutionState;

/**
 * One subtask's current attempt: its index, state, attempt number, the TaskManager running it (or null) and how it
 * spent its time as last reported (null until its TaskManager reported it).
 */
public record SubtaskDetails(int subtaskIndex, ExecutionState state, int attempt, String taskManagerId,
        TaskLoad load) {
}
