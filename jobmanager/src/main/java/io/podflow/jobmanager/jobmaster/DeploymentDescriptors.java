package io.podflow.jobmanager.jobmaster;

import io.podflow.jobmanager.jobmaster.graph.Execution;
import io.podflow.jobmanager.jobmaster.slots.SlotPool;
import io.podflow.protocol.deployment.TaskDeploymentDescriptor;
import io.podflow.protocol.deployment.TaskInput;
import io.podflow.protocol.deployment.TaskOutput;
import io.podflow.protocol.deployment.TaskPeer;
import io.podflow.protocol.job.JobGraph;
import io.podflow.protocol.job.JobVertex;
import io.podflow.protocol.job.JobVertexID;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Builds what a TaskManager needs to run one execution. With slot sharing subtask {@code i} of every vertex sits
 * in slot {@code i}, so the peers on each edge are found through the same slot assignment.
 */
final class DeploymentDescriptors {

    private final JobGraph jobGraph;
    private final SlotPool slots;
    private final String blobServerAddress;

    DeploymentDescriptors(JobGraph jobGraph, SlotPool slots, String blobServerAddress) {
        this.jobGraph = jobGraph;
        this.slots = slots;
        this.blobServerAddress = blobServerAddress;
    }

    TaskDeploymentDescriptor describe(Execution execution) {
        JobVertex vertex = execution.vertex();
        List<TaskInput> inputs = jobGraph.inputsOf(vertex.id()).stream()
                .map(edge -> new TaskInput(edge.source(), edge.partitioning(), peersOf(edge.source()))).toList();
        List<TaskOutput> outputs = jobGraph.outputsOf(vertex.id()).stream()
                .map(edge -> new TaskOutput(edge.target(), edge.partitioning(), peersOf(edge.target()))).toList();
        return new TaskDeploymentDescriptor(jobGraph.jobId(), execution.attemptId(), vertex.id(), vertex.name(),
                execution.subtaskIndex(), vertex.parallelism(),
                slots.slotForSubtask(execution.subtaskIndex()).allocationId(), vertex.invokableClassName(),
                vertex.configuration(), jobGraph.jarBlobKeys(), blobServerAddress, inputs, outputs);
    }

    private List<TaskPeer> peersOf(JobVertexID vertexId) {
        int parallelism = jobGraph.vertex(vertexId).orElseThrow().parallelism();
        return IntStream.range(0, parallelism)
                .mapToObj(subtask -> new TaskPeer(subtask, slots.slotForSubtask(subtask).taskManager())).toList();
    }
}
