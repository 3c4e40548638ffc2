package io.podflow.protocol.job;

import io.podflow.protocol.ExecutionState;

import java.util.Map;

/**
 * A job as listings show it: id, name, status, start and end time (end is -1 while running), and how many of
 * its subtasks are in each execution state.
 */
public record JobDetails(JobID jobId, String name, JobStatus status, long startTimeEpochMillis,
        long endTimeEpochMillis, Map<ExecutionState, Integer> tasksPerState) {

    public JobDetails {
        tasksPerState = tasksPerState == null ? Map.of() : Map.copyOf(tasksPerState);
    }
}
