package io.podflow.protocol.deployment;

import io.podflow.protocol.job.JobVertexID;
import io.podflow.protocol.job.Partitioning;

import java.util.List;

/** One input of a task: the producing vertex, how it partitions, and every producer subtask that sends to it. */
public record TaskInput(JobVertexID sourceVertex, Partitioning partitioning, List<TaskPeer> producers) {

    public TaskInput {
        if (sourceVertex == null || partitioning == null) {
            throw new IllegalArgumentException("A task input needs its source vertex and partitioning");
        }
        producers = producers == null ? List.of() : List.copyOf(producers);
    }
}
