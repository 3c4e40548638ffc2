package io.podflow.protocol.job;

/** One failure in a job's history, for {@code GET /jobs/{id}/exceptions}: when, which task ("job" if job-wide), why. */
public record JobExceptionInfo(long timestampEpochMillis, String taskName, String message) {
}
