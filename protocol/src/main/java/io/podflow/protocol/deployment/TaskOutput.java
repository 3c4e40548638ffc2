package io.podflow.protocol.deployment;

import io.podflow.protocol.job.JobVertexID;
import io.podflow.protocol.job.Partitioning;

import java.util.List;

/** One output of a task: the consuming vertex, how records are spread, and every consumer subtask, by index. */
public record TaskOutput(JobVertexID targetVertex, Partitioning partitioning, List<TaskPeer> consumers) {

    public TaskOutput {
        if (targetVertex == null || partitioning == null) {
            throw new IllegalArgumentException("A task output needs its target vertex and partitioning");
        }
        consumers = consumers == null ? List.of() : List.copyOf(consumers);
    }
}
