package io.podflow.jobmanager.rest.handler;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.podflow.jobmanager.rest.RestHandler;
import io.podflow.jobmanager.rest.RestRequest;
import io.podflow.jobmanager.rest.RestResponse;
import io.podflow.protocol.DispatcherGateway;
import io.podflow.protocol.job.JobExceptionInfo;
import io.podflow.protocol.job.JobID;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@code GET /jobs/{jobid}/exceptions}: a job's failures, newest first; {@code root-exception} is the newest root
 * cause (a failure that started a failover, not one that followed from it), or null for a job that never failed.
 */
public final class JobExceptionsHandler implements RestHandler {

    private final DispatcherGateway dispatcher;

    /** The body of {@code GET /jobs/{jobid}/exceptions}. */
    record JobExceptions(
            @JsonProperty("root-exception") String rootException,
            Long timestamp,
            @JsonProperty("all-exceptions") List<ExceptionEntry> allExceptions,
            boolean truncated,
            ExceptionHistory exceptionHistory) {
    }

    /** One recorded failure: why, in which task ("job" when job-wide), and when. */
    record ExceptionEntry(String exception, String task, long timestamp) {
    }

    /** The failures of the job, newest first. */
    record ExceptionHistory(List<ExceptionEntry> entries, boolean truncated) {
    }

    public JobExceptionsHandler(DispatcherGateway dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    public CompletableFuture<RestResponse> handle(RestRequest request) {
        JobID jobId = JobIdParameter.parse(request.pathParameter(JobIdParameter.JOB_ID));
        return dispatcher.requestJobExceptions(jobId).thenApply(failures -> RestResponse.ok(exceptions(failures)));
    }

    private static JobExceptions exceptions(List<JobExceptionInfo> oldestFirst) {
        List<ExceptionEntry> entries = new ArrayList<>();
        for (JobExceptionInfo failure : oldestFirst) {
            entries.add(new ExceptionEntry(failure.message(), failure.taskName(), failure.timestampEpochMillis()));
        }
        Collections.reverse(entries);
        JobExceptionInfo root = oldestFirst.stream().filter(JobExceptionInfo::rootCause)
                .reduce((older, newer) -> newer).orElse(null);
        return new JobExceptions(root == null ? null : root.message(),
                root == null ? null : root.timestampEpochMillis(), entries, false, new ExceptionHistory(entries, false));
    }
}
