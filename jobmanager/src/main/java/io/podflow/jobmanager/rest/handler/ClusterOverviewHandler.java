package io.podflow.jobmanager.rest.handler;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.podflow.jobmanager.rest.RestHandler;
import io.podflow.jobmanager.rest.RestRequest;
import io.podflow.jobmanager.rest.RestResponse;
import io.podflow.protocol.DispatcherGateway;
import io.podflow.protocol.ResourceManagerGateway;
import io.podflow.protocol.TaskManagerInfo;
import io.podflow.protocol.job.JobDetails;
import io.podflow.protocol.job.JobStatus;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** {@code GET /overview}: TaskManagers, slots and jobs by state, in one object. */
public final class ClusterOverviewHandler implements RestHandler {

    private final DispatcherGateway dispatcher;
    private final ResourceManagerGateway resourceManager;

    /** The body of {@code GET /overview}. */
    record ClusterOverview(
            int taskmanagers,
            @JsonProperty("slots-total") int slotsTotal,
            @JsonProperty("slots-available") int slotsAvailable,
            @JsonProperty("jobs-running") long jobsRunning,
            @JsonProperty("jobs-finished") long jobsFinished,
            @JsonProperty("jobs-cancelled") long jobsCancelled,
            @JsonProperty("jobs-failed") long jobsFailed,
            @JsonProperty("flink-version") String version) {
    }

    public ClusterOverviewHandler(DispatcherGateway dispatcher, ResourceManagerGateway resourceManager) {
        this.dispatcher = dispatcher;
        this.resourceManager = resourceManager;
    }

    @Override
    public CompletableFuture<RestResponse> handle(RestRequest request) {
        return dispatcher.listJobs().thenCombine(resourceManager.requestTaskManagerInfos(),
                (jobs, taskManagers) -> RestResponse.ok(overview(jobs, taskManagers)));
    }

    private static ClusterOverview overview(List<JobDetails> jobs, List<TaskManagerInfo> taskManagers) {
        return new ClusterOverview(taskManagers.size(),
                taskManagers.stream().mapToInt(TaskManagerInfo::slotsTotal).sum(),
                taskManagers.stream().mapToInt(TaskManagerInfo::slotsFree).sum(),
                jobs.stream().filter(job -> !job.status().isGloballyTerminal()).count(),
                count(jobs, JobStatus.FINISHED), count(jobs, JobStatus.CANCELED), count(jobs, JobStatus.FAILED),
                PodflowVersion.current());
    }

    private static long count(List<JobDetails> jobs, JobStatus status) {
        return jobs.stream().filter(job -> job.status() == status).count();
    }
}
