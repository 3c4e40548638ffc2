package io.podflow.jobmanager.rest;

import io.podflow.protocol.DispatcherGateway;
import io.podflow.protocol.ExecutionState;
import io.podflow.protocol.job.DuplicateJobException;
import io.podflow.protocol.job.JobDetails;
import io.podflow.protocol.job.JobExceptionInfo;
import io.podflow.protocol.job.JobGraph;
import io.podflow.protocol.job.JobID;
import io.podflow.protocol.job.JobResult;
import io.podflow.protocol.job.JobStatus;
import io.podflow.protocol.job.JobVertexDetails;
import io.podflow.protocol.job.UnknownJobException;
import io.podflow.rpc.RpcTimeoutException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-process Dispatcher keeping jobs in maps, failing as the gateway documents (unknown and duplicate job ids),
 * so REST can be tested without a cluster. Answers arrive on another thread, as they would over RPC.
 */
final class FakeDispatcher implements DispatcherGateway {

    final Map<JobID, JobDetails> jobs = new ConcurrentHashMap<>();
    final Map<JobID, List<JobVertexDetails>> vertices = new ConcurrentHashMap<>();
    final Map<JobID, List<JobExceptionInfo>> failures = new ConcurrentHashMap<>();
    final List<JobGraph> submitted = new CopyOnWriteArrayList<>();
    final List<JobID> cancelled = new CopyOnWriteArrayList<>();
    volatile boolean unreachable;

    JobID addJob(String name, JobStatus status, long start, long end, Map<ExecutionState, Integer> tasks) {
        JobID id = JobID.generate();
        jobs.put(id, new JobDetails(id, name, status, start, end, tasks));
        return id;
    }

    @Override
    public CompletableFuture<Void> submitJob(JobGraph jobGraph) {
        return CompletableFuture.supplyAsync(() -> {
            JobDetails created = new JobDetails(jobGraph.jobId(), jobGraph.name(), JobStatus.CREATED,
                    System.currentTimeMillis(), -1, Map.of());
            if (jobs.putIfAbsent(jobGraph.jobId(), created) != null) {
                throw new DuplicateJobException(jobGraph.jobId());
            }
            submitted.add(jobGraph);
            return null;
        });
    }

    @Override
    public CompletableFuture<List<JobDetails>> listJobs() {
        if (unreachable) {
            return CompletableFuture.failedFuture(new RpcTimeoutException("dispatcher did not answer within 10 s"));
        }
        return CompletableFuture.supplyAsync(() -> new ArrayList<>(jobs.values()));
    }

    @Override
    public CompletableFuture<JobDetails> requestJobDetails(JobID jobId) {
        return CompletableFuture.supplyAsync(() -> known(jobId));
    }

    @Override
    public CompletableFuture<List<JobVertexDetails>> requestJobVertices(JobID jobId) {
        return CompletableFuture.supplyAsync(() -> {
            known(jobId);
            return vertices.getOrDefault(jobId, List.of());
        });
    }

    @Override
    public CompletableFuture<List<JobExceptionInfo>> requestJobExceptions(JobID jobId) {
        return CompletableFuture.supplyAsync(() -> {
            known(jobId);
            return failures.getOrDefault(jobId, List.of());
        });
    }

    @Override
    public CompletableFuture<Void> cancelJob(JobID jobId) {
        return CompletableFuture.supplyAsync(() -> {
            known(jobId);
            cancelled.add(jobId);
            return null;
        });
    }

    @Override
    public CompletableFuture<JobResult> requestJobResult(JobID jobId) {
        throw new UnsupportedOperationException("REST does not wait for job results");
    }

    private JobDetails known(JobID jobId) {
        JobDetails job = jobs.get(jobId);
        if (job == null) {
            throw new UnknownJobException(jobId);
        }
        return job;
    }

    @Override
    public String getAddress() {
        return "in-process/dispatcher";
    }
}
