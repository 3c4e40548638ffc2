package io.podflow.jobmanager.jobmaster.graph;

/** One failure in a job's life: when, which subtask (or "job" for a job-wide one) and why. */
public record TaskFailure(long timestampMillis, String taskName, String message) {
}
