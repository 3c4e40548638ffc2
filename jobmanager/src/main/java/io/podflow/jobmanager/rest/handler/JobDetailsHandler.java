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
import io.podflow.protocol.job.TaskLoad;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code GET /jobs/{jobid}}: one job's status and times, and each vertex with its subtasks counted per state and
 * how its running subtasks spend their time.
 */
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
    record VertexInfo(String id, String name, int parallelism, Map<ExecutionState, Integer> tasks,
            VertexMetrics metrics) {
    }

    /**
     * How the vertex's running subtasks spend their time, from their latest reports, each figure the largest over
     * the subtasks: Flink's accumulated times since the subtasks started and its per-second time metrics for the
     * last reporting interval (milliseconds per second, so 1000 is all of the time).
     */
    record VertexMetrics(
            @JsonProperty("accumulated-backpressured-time") long accumulatedBackPressuredTime,
            @JsonProperty("accumulated-idle-time") long accumulatedIdleTime,
            @JsonProperty("accumulated-busy-time") long accumulatedBusyTime,
            long backPressuredTimeMsPerSecond,
            long idleTimeMsPerSecond,
            long busyTimeMsPerSecond) {

        static VertexMetrics of(VertexLoad load) {
            return new VertexMetrics(load.maxMillis(TaskLoad::backPressuredMillis), load.maxMillis(TaskLoad::idleMillis),
                    load.maxMillis(TaskLoad::busyMillis), perSecond(load.max(TaskLoad::backPressuredRatio)),
                    perSecond(load.max(TaskLoad::idleRatio)), perSecond(load.max(TaskLoad::busyRatio)));
        }

        private static long perSecond(double ratio) {
            return Math.round(ratio * 1000);
        }
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
                vertex.name(), vertex.parallelism(), everyState(vertex.tasksPerState()),
                VertexMetrics.of(VertexLoad.of(vertex)))).toList();
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
