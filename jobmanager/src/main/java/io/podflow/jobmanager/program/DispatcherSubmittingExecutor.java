package io.podflow.jobmanager.program;

import io.podflow.api.environment.JobExecutionException;
import io.podflow.api.environment.JobExecutionResult;
import io.podflow.api.environment.PipelineExecutor;
import io.podflow.jobmanager.blob.BlobStore;
import io.podflow.protocol.DispatcherGateway;
import io.podflow.protocol.job.JobGraph;
import io.podflow.protocol.job.JobID;
import io.podflow.protocol.job.JobResult;
import io.podflow.protocol.job.JobStatus;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs a program's jobs on this JobManager: each JobGraph gets the program's jars as blobs and goes to the
 * Dispatcher. Detached, {@code execute()} returns once the Dispatcher accepted the job; attached (application
 * mode), once it ended, failing unless it FINISHED. Remembers the first job submitted.
 */
final class DispatcherSubmittingExecutor implements PipelineExecutor {

    private final DispatcherGateway dispatcher;
    private final BlobStore blobs;
    private final List<Path> jars;
    private final Optional<Duration> statusPollInterval;
    private volatile JobID firstJob;

    /** @param statusPollInterval how often an attached executor asks for the job's status; empty for detached */
    DispatcherSubmittingExecutor(DispatcherGateway dispatcher, BlobStore blobs, List<Path> jars,
            Optional<Duration> statusPollInterval) {
        this.dispatcher = dispatcher;
        this.blobs = blobs;
        this.jars = List.copyOf(jars);
        this.statusPollInterval = statusPollInterval;
    }

    @Override
    public JobExecutionResult execute(JobGraph jobGraph) throws Exception {
        List<String> keys = new ArrayList<>(jobGraph.jarBlobKeys());
        for (Path jar : jars) {
            String jarKey = blobs.put(jar).hex();
            if (!keys.contains(jarKey)) {
                keys.add(jarKey);
            }
        }
        JobGraph withJars = new JobGraph(jobGraph.jobId(), jobGraph.name(), jobGraph.vertices(), jobGraph.edges(),
                keys, jobGraph.configuration());
        dispatcher.submitJob(withJars).get();
        if (firstJob == null) {
            firstJob = withJars.jobId();
        }
        if (statusPollInterval.isEmpty()) {
            return new JobExecutionResult(withJars.jobId(), withJars.name(), 0);
        }
        JobResult result = awaitEnd(withJars.jobId(), statusPollInterval.get());
        if (result.status() != JobStatus.FINISHED) {
            throw new JobExecutionException("Job " + result.jobId() + " ended " + result.status()
                    + (result.failureCause() == null ? "" : ": " + result.failureCause()), null);
        }
        return new JobExecutionResult(result.jobId(), withJars.name(), result.netRuntimeMillis());
    }

    // The job's status is polled rather than its result future awaited: a gateway ask times out after
    // rpc.ask.timeout, far shorter than a streaming job runs.
    private JobResult awaitEnd(JobID jobId, Duration pollInterval) throws Exception {
        while (!dispatcher.requestJobDetails(jobId).get().status().isGloballyTerminal()) {
            LockSupport.parkNanos(pollInterval.toNanos());
            if (Thread.interrupted()) {
                throw new InterruptedException("Interrupted while waiting for job " + jobId);
            }
        }
        return dispatcher.requestJobResult(jobId).get();
    }

    Optional<JobID> firstJob() {
        return Optional.ofNullable(firstJob);
    }
}
