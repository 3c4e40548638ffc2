package io.podflow.jobmanager.rest.handler;

import io.podflow.protocol.job.JobVertexDetails;
import io.podflow.protocol.job.SubtaskDetails;
import io.podflow.protocol.job.TaskLoad;

import java.util.List;
import java.util.Objects;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

/**
 * The loads a vertex's running subtasks last reported, and the vertex-wide figures REST shows: like Flink, a vertex
 * is as back-pressured, idle and busy as its most back-pressured, idle and busy subtask.
 */
record VertexLoad(List<SubtaskDetails> reporting) {

    static VertexLoad of(JobVertexDetails vertex) {
        return new VertexLoad(vertex.subtasks().stream().filter(subtask -> subtask.load() != null).toList());
    }

    boolean isEmpty() {
        return reporting.isEmpty();
    }

    /** When the newest of the reported loads was sampled; 0 if none was. */
    long lastSampledEpochMillis() {
        return maxMillis(TaskLoad::sampledAtEpochMillis);
    }

    /** The largest of one ratio over the reporting subtasks; 0 if none reported. */
    double max(ToDoubleFunction<TaskLoad> figure) {
        return loads().mapToDouble(figure).max().orElse(0);
    }

    /** The largest of one time over the reporting subtasks; 0 if none reported. */
    long maxMillis(ToLongFunction<TaskLoad> figure) {
        return loads().mapToLong(figure).max().orElse(0);
    }

    private Stream<TaskLoad> loads() {
        return reporting.stream().map(SubtaskDetails::load).filter(Objects::nonNull);
    }
}
