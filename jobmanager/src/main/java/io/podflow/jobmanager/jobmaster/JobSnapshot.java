package io.podflow.jobmanager.jobmaster;

import io.podflow.jobmanager.jobmaster.graph.Execution;
import io.podflow.jobmanager.jobmaster.graph.ExecutionGraph;
import io.podflow.protocol.AllocationID;
import io.podflow.protocol.ExecutionState;
import io.podflow.protocol.job.ExecutionAttemptID;
import io.podflow.protocol.job.JobDetails;
import io.podflow.protocol.job.JobExceptionInfo;
import io.podflow.protocol.job.JobVertex;
import io.podflow.protocol.job.JobVertexDetails;
import io.podflow.protocol.job.SubtaskDetails;
import io.podflow.protocol.job.TaskLoad;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** A job as listings and REST show it at one moment: summary, vertices with their subtasks, and failures. */
public record JobSnapshot(JobDetails details, List<JobVertexDetails> vertices, List<JobExceptionInfo> exceptions) {

    public JobSnapshot {
        vertices = List.copyOf(vertices);
        exceptions = List.copyOf(exceptions);
    }

    /**
     * Reads the graph; {@code taskManagerOf} names the TaskManager holding a slot (null if unknown),
     * {@code loadOf} gives an attempt's last reported load (null if none), shown while it runs, and an end time of
     * -1 means the job still runs.
     */
    static JobSnapshot of(ExecutionGraph graph, Function<AllocationID, String> taskManagerOf,
            Function<ExecutionAttemptID, TaskLoad> loadOf, long startMillis, long endMillis) {
        List<Execution> executions = graph.executions();
        List<JobVertexDetails> vertices = graph.jobGraph().vertices().stream()
                .map(vertex -> vertexDetails(vertex, executions, taskManagerOf, loadOf)).toList();
        JobDetails details = new JobDetails(graph.jobGraph().jobId(), graph.jobGraph().name(), graph.status(),
                startMillis, endMillis, countPerState(executions));
        List<JobExceptionInfo> exceptions = graph.failures().stream()
                .map(failure -> new JobExceptionInfo(failure.timestampMillis(), failure.taskName(), failure.message(),
                        failure.rootCause()))
                .toList();
        return new JobSnapshot(details, vertices, exceptions);
    }

    private static JobVertexDetails vertexDetails(JobVertex vertex, List<Execution> executions,
            Function<AllocationID, String> taskManagerOf, Function<ExecutionAttemptID, TaskLoad> loadOf) {
        List<Execution> ofVertex = executions.stream().filter(execution -> execution.vertex().id().equals(vertex.id()))
                .toList();
        List<SubtaskDetails> subtasks = ofVertex.stream().map(execution -> new SubtaskDetails(
                execution.subtaskIndex(), execution.state(), execution.attemptNumber(),
                execution.allocationId().map(taskManagerOf).orElse(null),
                execution.state() == ExecutionState.RUNNING ? loadOf.apply(execution.attemptId()) : null)).toList();
        return new JobVertexDetails(vertex.id(), vertex.name(), vertex.parallelism(), countPerState(ofVertex),
                subtasks);
    }

    private static Map<ExecutionState, Integer> countPerState(List<Execution> executions) {
        Map<ExecutionState, Integer> counts = new EnumMap<>(ExecutionState.class);
        for (ExecutionState state : ExecutionState.values()) {
            counts.put(state, 0);
        }
        executions.forEach(execution -> counts.merge(execution.state(), 1, Integer::sum));
        return counts;
    }
}
