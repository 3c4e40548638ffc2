package io.podflow.api.environment;

import io.podflow.protocol.job.JobID;

/** What {@code execute()} returns: the job's id and, once it ended, how long it ran (0 if detached). */
public record JobExecutionResult(JobID jobId, String jobName, long netRuntimeMillis) {

    public JobID getJobID() {
        return jobId;
    }

    public long getNetRuntime() {
        return netRuntimeMillis;
    }
}
