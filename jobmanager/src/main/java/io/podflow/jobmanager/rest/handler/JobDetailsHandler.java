package io.podflow.jobmanager.rest.handler;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.podflow.jobmanager.rest.RestHandler;
import io.podflow.jobmanager.rest.RestRequest;
import io.podflow.jobmanager.rest.RestResponse;
import io.podflow.protocol.DispatcherGateway;
import io.podflow.protocol.ExecutionState;
import io.podflow.protocol.job.JobDetails;
import io.podflow.protocol.job.JobID;
import io.podflow.protocol.job.JobStatus;
import io.podflow.protocol.job.JobVertexDetails;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** {@code GET /jobs/{jobid}}: one job's status and times, and each vertex with its subtasks counted per state. */
public final class JobDetailsHandler implements RestHandler {

    private final DispatcherGateway dispatcher;
    private final Clock clock;

    /** The body of {@code GET /jobs/{jobid}}. */
    record JobDetailsInfo(
            String jid,
            String name,
            JobStatus state,
            @JsonProperty("start-time") long startTime,
            @JsonProperty("end-time") long endTime,
            long duration,
            long now,
            List<VertexInfo> vertices,
            @JsonProperty("status-counts") Map<ExecutionState, Integer> statusCounts) {
    }

    /** One vertex of {@code GET /jobs/{jobid}}. */
    record VertexInfo(String id, String name, int parallelism, Map<ExecutionState, Integer> tasks) {
    }

    public JobDetailsHandler(DispatcherGateway dispatcher, Clock clock) {
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    @Override
    public CompletableFuture<RestResponse> handle(RestRequest request) {
        JobID jobId = JobIdParameter.parse(request.pathParameter(JobIdParameter.JOB_ID));
        return dispatcher.requestJobDetails(jobId).thenCombine(dispatcher.requestJobVertices(jobId),
                (job, vertices) -> RestResponse.ok(details(job, vertices)));
    }

    private JobDetailsInfo details(JobDetails job, List<JobVertexDetails> vertices) {
        long now = clock.millis();
        List<VertexInfo> vertexInfos = vertices.stream().map(vertex -> new VertexInfo(vertex.id().toString(),
                vertex.name(), vertex.parallelism(), everyState(vertex.tasksPerState()))).toList();
        return new JobDetailsInfo(job.jobId().toString(), job.name(), job.status(), job.startTimeEpochMillis(),
                job.endTimeEpochMillis(), JobOverview.duration(job, now), now, vertexInfos,
                everyState(job.tasksPerState()));
    }

    private static Map<ExecutionState, Integer> everyState(Map<ExecutionState, Integer> counts) {
        Map<ExecutionState, Integer> all = new LinkedHashMap<>();
        for (ExecutionState state : ExecutionState.values()) {
            all.put(state, counts.getOrDefault(state, 0));
        }
        return all;
    }
}
