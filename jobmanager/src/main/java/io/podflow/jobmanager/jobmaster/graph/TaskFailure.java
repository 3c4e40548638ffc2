package io.podflow.jobmanager.jobmaster.graph;

/**
 * One failure in a job's life: when, which subtask (or "job" for a job-wide one), why, and whether it started a
 * failover (a root cause) rather than happening while the job was already failing.
 */
public record TaskFailure(long timestampMillis, String taskName, String message, boolean rootCause) {
}
