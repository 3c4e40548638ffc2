package io.podflow.jobmanager.rest.handler;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.podflow.jobmanager.rest.RestException;
import io.podflow.jobmanager.rest.RestHandler;
import io.podflow.jobmanager.rest.RestRequest;
import io.podflow.jobmanager.rest.RestResponse;
import io.podflow.protocol.DispatcherGateway;
import io.podflow.protocol.job.JobID;
import io.podflow.protocol.job.JobVertexDetails;
import io.podflow.protocol.job.JobVertexID;
import io.podflow.protocol.job.SubtaskDetails;
import io.podflow.protocol.job.TaskLoad;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@code GET /jobs/{jobid}/vertices/{vertexid}/backpressure}: how back-pressured each running subtask of the vertex
 * was over its TaskManager's last reporting interval, in Flink's shape. Until a subtask's load was reported the
 * status is {@code deprecated} (Flink's word for "no statistics yet") and nothing else is shown.
 */
public final class JobVertexBackPressureHandler implements RestHandler {

    static final String VERTEX_ID = "vertexid";

    private final DispatcherGateway dispatcher;

    /** The body; absent fields are left out, as Flink leaves them out while no statistics exist. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record BackPressureInfo(String status, BackPressureLevel backpressureLevel,
            @JsonProperty("end-timestamp") Long endTimestamp, List<SubtaskBackPressure> subtasks) {
    }

    /** One subtask's figures, ratios from 0 to 1. */
    record SubtaskBackPressure(int subtask, @JsonProperty("attempt-number") int attemptNumber,
            BackPressureLevel backpressureLevel, double ratio, double idleRatio, double busyRatio) {

        static SubtaskBackPressure of(SubtaskDetails subtask) {
            double ratio = subtask.load().backPressuredRatio();
            return new SubtaskBackPressure(subtask.subtaskIndex(), subtask.attempt(), BackPressureLevel.of(ratio),
                    ratio, subtask.load().idleRatio(), subtask.load().busyRatio());
        }
    }

    public JobVertexBackPressureHandler(DispatcherGateway dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    public CompletableFuture<RestResponse> handle(RestRequest request) {
        JobID jobId = JobIdParameter.parse(request.pathParameter(JobIdParameter.JOB_ID));
        JobVertexID vertexId = parseVertexId(request.pathParameter(VERTEX_ID));
        return dispatcher.requestJobVertices(jobId).thenApply(vertices -> vertices.stream()
                .filter(vertex -> vertex.id().equals(vertexId)).findFirst()
                .map(vertex -> RestResponse.ok(backPressure(vertex)))
                .orElseThrow(() -> RestException.notFound("Job " + jobId + " has no vertex " + vertexId)));
    }

    private static BackPressureInfo backPressure(JobVertexDetails vertex) {
        VertexLoad load = VertexLoad.of(vertex);
        if (load.isEmpty()) {
            return new BackPressureInfo("deprecated", null, null, null);
        }
        return new BackPressureInfo("ok", BackPressureLevel.of(load.max(TaskLoad::backPressuredRatio)),
                load.lastSampledEpochMillis(), load.reporting().stream().map(SubtaskBackPressure::of).toList());
    }

    private static JobVertexID parseVertexId(String text) {
        try {
            return JobVertexID.fromHexString(text);
        } catch (IllegalArgumentException e) {
            throw RestException.badRequest(e.getMessage());
        }
    }
}
