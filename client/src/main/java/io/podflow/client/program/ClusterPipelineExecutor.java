package io.podflow.client.program;

import io.podflow.api.environment.JobExecutionException;
import io.podflow.api.environment.JobExecutionResult;
import io.podflow.api.environment.PipelineExecutor;
import io.podflow.client.rest.RestClusterClient;
import io.podflow.protocol.job.JobGraph;
import io.podflow.protocol.job.JobID;
import io.podflow.protocol.job.JobStatus;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Submits the jobs a user's program builds to a cluster over REST: uploads the program's jar once, submits each
 * job graph with it, and, unless detached, follows the job until it ends.
 */
public final class ClusterPipelineExecutor implements PipelineExecutor {

    private final RestClusterClient client;
    private final Path jar;
    private final boolean detached;
    private final Duration pollInterval;
    private final PrintStream out;
    private String uploadedJarId;

    public ClusterPipelineExecutor(RestClusterClient client, Path jar, boolean detached, Duration pollInterval,
            PrintStream out) {
        this.client = client;
        this.jar = jar;
        this.detached = detached;
        this.pollInterval = pollInterval;
        this.out = out;
    }

    @Override
    public JobExecutionResult execute(JobGraph jobGraph) throws Exception {
        if (uploadedJarId == null) {
            uploadedJarId = client.uploadJar(jar);
        }
        JobID jobId = client.submitJob(jobGraph, List.of(uploadedJarId));
        out.println("Job has been submitted with JobID " + jobId);
        if (detached) {
            return new JobExecutionResult(jobId, jobGraph.name(), 0);
        }
        long start = System.nanoTime();
        JobStatus status = awaitEnd(jobId);
        long runtimeMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        if (status != JobStatus.FINISHED) {
            String cause = client.rootException(jobId);
            throw new JobExecutionException("Job " + jobId + " ended " + status
                    + (cause == null ? "" : ": " + firstLine(cause)), null);
        }
        out.println("Job with JobID " + jobId + " has finished.");
        out.println("Job Runtime: " + runtimeMillis + " ms");
        return new JobExecutionResult(jobId, jobGraph.name(), runtimeMillis);
    }

    private JobStatus awaitEnd(JobID jobId) {
        while (true) {
            JobStatus status = client.jobStatus(jobId);
            if (status.isGloballyTerminal()) {
                return status;
            }
            LockSupport.parkNanos(pollInterval.toNanos());
            if (Thread.interrupted()) {
                throw new IllegalStateException("Interrupted while waiting for job " + jobId);
            }
        }
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
