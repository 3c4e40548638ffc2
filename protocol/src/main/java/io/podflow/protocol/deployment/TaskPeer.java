package io.podflow.protocol.deployment;

import io.podflow.protocol.TaskManagerLocation;

/** One subtask at the other end of an edge, and the TaskManager running it. */
public record TaskPeer(int subtaskIndex, TaskManagerLocation location) {

    public TaskPeer {
        if (subtaskIndex < 0 || location == null) {
            throw new IllegalArgumentException("A task peer needs a subtask index of 0 or more and a location");
        }
    }
}
