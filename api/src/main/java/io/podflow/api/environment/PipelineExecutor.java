package io.podflow.api.environment;

import io.podflow.protocol.job.JobGraph;

/**
 * Runs a translated job somewhere: in this process, or by submitting it to a cluster. {@code execute()} of the
 * environment calls it; attached executors return when the job ended, detached ones once it was accepted.
 */
@FunctionalInterface
public interface PipelineExecutor {

    JobExecutionResult execute(JobGraph jobGraph) throws Exception;
}
