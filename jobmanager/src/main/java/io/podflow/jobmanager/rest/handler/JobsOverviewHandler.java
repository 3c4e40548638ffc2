package io.podflow.jobmanager.rest.handler;

import io.podflow.jobmanager.rest.RestHandler;
import io.podflow.jobmanager.rest.RestRequest;
import io.podflow.jobmanager.rest.RestResponse;
import io.podflow.protocol.DispatcherGateway;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** {@code GET /jobs/overview}: every job with its name, times and subtask counts. */
public final class JobsOverviewHandler implements RestHandler {

    private final DispatcherGateway dispatcher;
    private final Clock clock;

    /** The body of {@code GET /jobs/overview}. */
    record JobsOverview(List<JobOverview> jobs) {
    }

    public JobsOverviewHandler(DispatcherGateway dispatcher, Clock clock) {
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    @Override
    public CompletableFuture<RestResponse> handle(RestRequest request) {
        return dispatcher.listJobs().thenApply(jobs -> RestResponse.ok(new JobsOverview(jobs.stream()
                .map(job -> JobOverview.of(job, clock.millis())).toList())));
    }
}
