package io.podflow.protocol;

import io.podflow.protocol.job.JobDetails;
import io.podflow.protocol.job.JobGraph;
import io.podflow.protocol.job.JobID;
import io.podflow.protocol.job.JobResult;
import io.podflow.rpc.RpcGateway;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The Dispatcher as REST and clients call it: submit, list, inspect and cancel jobs. */
public interface DispatcherGateway extends RpcGateway {

    /** Endpoint name of the Dispatcher in the JobManager's RPC service. */
    String ENDPOINT_NAME = "dispatcher";

    /** Accepts a job and starts its JobMaster; fails for a duplicate job id. */
    CompletableFuture<Void> submitJob(JobGraph jobGraph);

    /** Running jobs and the bounded history of finished ones. */
    CompletableFuture<List<JobDetails>> listJobs();

    /** One job; fails if the id is unknown. */
    CompletableFuture<JobDetails> requestJobDetails(JobID jobId);

    /** Starts cancelling a job; fails if the id is unknown. */
    CompletableFuture<Void> cancelJob(JobID jobId);

    /** Completes when the job has ended, with how it ended. */
    CompletableFuture<JobResult> requestJobResult(JobID jobId);
}
