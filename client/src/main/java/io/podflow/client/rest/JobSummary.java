package io.podflow.client.rest;

import io.podflow.protocol.job.JobID;
import io.podflow.protocol.job.JobStatus;

/** One job as {@code GET /jobs/overview} describes it. */
public record JobSummary(JobID jobId, String name, JobStatus status, long startTimeMillis) {
}
