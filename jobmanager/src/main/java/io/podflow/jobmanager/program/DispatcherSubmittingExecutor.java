package io.podflow.jobmanager.program;

import io.podflow.api.environment.JobExecutionResult;
import io.podflow.api.environment.PipelineExecutor;
import io.podflow.jobmanager.blob.BlobStore;
import io.podflow.protocol.DispatcherGateway;
import io.podflow.protocol.job.JobGraph;
import io.podflow.protocol.job.JobID;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs a program's jobs detached on this JobManager: each JobGraph gets the program's jar as a blob and goes to the
 * Dispatcher; {@code execute()} returns once the Dispatcher accepted it. Remembers the first job submitted.
 */
final class DispatcherSubmittingExecutor implements PipelineExecutor {

    private final DispatcherGateway dispatcher;
    private final BlobStore blobs;
    private final Path jar;
    private volatile JobID firstJob;

    DispatcherSubmittingExecutor(DispatcherGateway dispatcher, BlobStore blobs, Path jar) {
        this.dispatcher = dispatcher;
        this.blobs = blobs;
        this.jar = jar;
    }

    @Override
    public JobExecutionResult execute(JobGraph jobGraph) throws Exception {
        List<String> keys = new ArrayList<>(jobGraph.jarBlobKeys());
        String jarKey = blobs.put(jar).hex();
        if (!keys.contains(jarKey)) {
            keys.add(jarKey);
        }
        JobGraph withJar = new JobGraph(jobGraph.jobId(), jobGraph.name(), jobGraph.vertices(), jobGraph.edges(),
                keys, jobGraph.configuration());
        dispatcher.submitJob(withJar).get();
        if (firstJob == null) {
            firstJob = withJar.jobId();
        }
        return new JobExecutionResult(withJar.jobId(), withJar.name(), 0);
    }

    Optional<JobID> firstJob() {
        return Optional.ofNullable(firstJob);
    }
}
