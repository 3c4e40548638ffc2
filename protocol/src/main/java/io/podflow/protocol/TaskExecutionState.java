package io.podflow.protocol;

import io.podflow.protocol.job.ExecutionAttemptID;
import io.podflow.protocol.job.JobID;

/** A TaskManager's report that an attempt reached {@code state}; {@code failure} says why when it FAILED. */
public record TaskExecutionState(JobID jobId, ExecutionAttemptID attemptId, ExecutionState state, String failure) {

    public TaskExecutionState {
        if (jobId == null || attemptId == null || state == null) {
            throw new IllegalArgumentException("A task execution state needs a job id, an attempt id and a state");
        }
    }

    public static TaskExecutionState of(JobID jobId, ExecutionAttemptID attemptId, ExecutionState state) {
        return new TaskExecutionState(jobId, attemptId, state, null);
    }
}
