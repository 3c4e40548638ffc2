package io.podflow.jobmanager.rest.handler;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.podflow.jobmanager.rest.RestException;
import io.podflow.jobmanager.rest.RestHandler;
import io.podflow.jobmanager.rest.RestRequest;
import io.podflow.jobmanager.rest.RestResponse;
import io.podflow.protocol.DispatcherGateway;
import io.podflow.protocol.job.JobID;
import io.podflow.protocol.job.JobStatus;

import java.util.concurrent.CompletableFuture;

/**
 * {@code PATCH /jobs/{jobid}?mode=cancel}: starts cancelling a job and answers 202 at once; the job's status shows
 * when it is CANCELED. Cancelling a CANCELED job is accepted again; a job that ended otherwise is a 409.
 */
public final class JobCancelHandler implements RestHandler {

    private final DispatcherGateway dispatcher;

    public JobCancelHandler(DispatcherGateway dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    public CompletableFuture<RestResponse> handle(RestRequest request) {
        String mode = request.queryParameter("mode").orElse("cancel");
        if (!mode.equals("cancel")) {
            throw RestException.badRequest("Unsupported mode '" + mode + "': only mode=cancel is supported");
        }
        JobID jobId = JobIdParameter.parse(request.pathParameter(JobIdParameter.JOB_ID));
        return dispatcher.requestJobDetails(jobId).thenCompose(job -> {
            if (job.status() == JobStatus.CANCELED) {
                return CompletableFuture.completedFuture(RestResponse.accepted());
            }
            if (job.status().isGloballyTerminal()) {
                throw new RestException(HttpResponseStatus.CONFLICT, "Job " + jobId + " already ended as "
                        + job.status() + " and cannot be cancelled");
            }
            return dispatcher.cancelJob(jobId).thenApply(done -> RestResponse.accepted());
        });
    }
}
