package io.podflow.protocol.job;

import io.podflow.protocol.ExecutionState;

/** One subtask's current attempt: its index, state, attempt number and the TaskManager running it (or null). */
public record SubtaskDetails(int subtaskIndex, ExecutionState state, int attempt, String taskManagerId) {
}
