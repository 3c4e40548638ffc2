package io.podflow.protocol.job;

/** How a job ended: its terminal status, the failure cause for people when it FAILED, and its run time. */
public record JobResult(JobID jobId, JobStatus status, String failureCause, long netRuntimeMillis) {

    public JobResult {
        if (jobId == null || status == null || !status.isGloballyTerminal()) {
            throw new IllegalArgumentException("A job result needs a job id and a terminal status, not " + status);
        }
    }
}
