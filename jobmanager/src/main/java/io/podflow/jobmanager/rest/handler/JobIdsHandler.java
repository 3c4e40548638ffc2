package io.podflow.jobmanager.rest.handler;

import io.podflow.jobmanager.rest.RestHandler;
import io.podflow.jobmanager.rest.RestRequest;
import io.podflow.jobmanager.rest.RestResponse;
import io.podflow.protocol.DispatcherGateway;
import io.podflow.protocol.job.JobStatus;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** {@code GET /jobs}: every job the Dispatcher knows, with its status. */
public final class JobIdsHandler implements RestHandler {

    private final DispatcherGateway dispatcher;

    /** The body of {@code GET /jobs}. */
    record JobIds(List<JobIdWithStatus> jobs) {
    }

    /** One job of {@code GET /jobs}. */
    record JobIdWithStatus(String id, JobStatus status) {
    }

    public JobIdsHandler(DispatcherGateway dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    public CompletableFuture<RestResponse> handle(RestRequest request) {
        return dispatcher.listJobs().thenApply(jobs -> RestResponse.ok(new JobIds(jobs.stream()
                .map(job -> new JobIdWithStatus(job.jobId().toString(), job.status())).toList())));
    }
}
