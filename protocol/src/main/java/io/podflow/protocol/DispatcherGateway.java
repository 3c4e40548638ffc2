package io.podflow.protocol;

import io.podflow.protocol.job.JobDetails;
import io.podflow.protocol.job.JobExceptionInfo;
import io.podflow.protocol.job.JobGraph;
import io.podflow.protocol.job.JobID;
import io.podflow.protocol.job.JobResult;
import io.podflow.protocol.job.JobVertexDetails;
import io.podflow.rpc.RpcGateway;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The Dispatcher as REST and clients call it: submit, list, inspect and cancel jobs. */
public interface DispatcherGateway extends RpcGateway {

    /** Endpoint name of the Dispatcher in the JobManager's RPC service. */
    String ENDPOINT_NAME = "dispatcher";

    /** Accepts a job and starts its JobMaster; fails with {@code DuplicateJobException} for a known job id. */
    CompletableFuture<Void> submitJob(JobGraph jobGraph);

    /** Running jobs and the bounded history of finished ones. */
    CompletableFuture<List<JobDetails>> listJobs();

    /** One job; fails with {@code UnknownJobException} if the id is unknown (so do the calls below). */
    CompletableFuture<JobDetails> requestJobDetails(JobID jobId);

    /** The job's vertices with the state of each subtask's current attempt. */
    CompletableFuture<List<JobVertexDetails>> requestJobVertices(JobID jobId);

    /** The job's failures, oldest first (bounded). */
    CompletableFuture<List<JobExceptionInfo>> requestJobExceptions(JobID jobId);

    /** Starts cancelling a job; fails if the id is unknown. */
    CompletableFuture<Void> cancelJob(JobID jobId);

    /** Completes when the job has ended, with how it ended. */
    CompletableFuture<JobResult> requestJobResult(JobID jobId);
}
