package io.podflow.protocol.job;

/**
 * One failure in a job's history, for {@code GET /jobs/{id}/exceptions}: when, which task ("job" if job-wide), why,
 * and whether it started a failover (a root cause) or happened while the job was already failing.
 */
public record JobExceptionInfo(long timestampEpochMillis, String taskName, String message, boolean rootCause) {
}
