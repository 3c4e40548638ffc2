package io.podflow.protocol.job;

import io.podflow.protocol.ExecutionState;

import java.util.List;
import java.util.Map;

/** One vertex of a job as {@code GET /jobs/{id}} shows it: its subtasks and how many are in each state. */
public record JobVertexDetails(JobVertexID id, String name, int parallelism,
        Map<ExecutionState, Integer> tasksPerState, List<SubtaskDetails> subtasks) {

    public JobVertexDetails {
        tasksPerState = tasksPerState == null ? Map.of() : Map.copyOf(tasksPerState);
        subtasks = subtasks == null ? List.of() : List.copyOf(subtasks);
    }
}
