package io.podflow.protocol.deployment;

import io.podflow.protocol.AllocationID;
import io.podflow.protocol.job.ExecutionAttemptID;
import io.podflow.protocol.job.JobID;
import io.podflow.protocol.job.JobVertexID;

import java.util.List;
import java.util.Map;

/**
 * Everything a TaskManager needs to run one subtask in a slot it offered: which job, attempt and vertex, the
 * user class and its configuration, where to fetch the job's jars, and the peers of each input and output.
 */
public record TaskDeploymentDescriptor(
        JobID jobId,
        ExecutionAttemptID attemptId,
        JobVertexID vertexId,
        String taskName,
        int subtaskIndex,
        int parallelism,
        AllocationID allocationId,
        String invokableClassName,
        Map<String, String> vertexConfiguration,
        List<String> jarBlobKeys,
        String blobServerAddress,
        List<TaskInput> inputs,
        List<TaskOutput> outputs) {

    public TaskDeploymentDescriptor {
        if (jobId == null || attemptId == null || vertexId == null || allocationId == null) {
            throw new IllegalArgumentException("A deployment needs job, attempt, vertex and allocation ids");
        }
        if (invokableClassName == null || invokableClassName.isBlank()) {
            throw new IllegalArgumentException("Deployment of " + taskName + " names no invokable class");
        }
        if (parallelism < 1 || subtaskIndex < 0 || subtaskIndex >= parallelism) {
            throw new IllegalArgumentException("Deployment of " + taskName + " has subtask " + subtaskIndex
                    + " of parallelism " + parallelism);
        }
        vertexConfiguration = vertexConfiguration == null ? Map.of() : Map.copyOf(vertexConfiguration);
        jarBlobKeys = jarBlobKeys == null ? List.of() : List.copyOf(jarBlobKeys);
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
        outputs = outputs == null ? List.of() : List.copyOf(outputs);
    }

    /** {@code name (i+1/n)}, the form logs and REST use for a subtask. */
    public String subtaskName() {
        return taskName + " (" + (subtaskIndex + 1) + "/" + parallelism + ")";
    }
}
