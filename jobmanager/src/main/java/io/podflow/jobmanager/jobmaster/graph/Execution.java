package io.podflow.jobmanager.jobmaster.graph;

import io.podflow.protocol.AllocationID;
import io.podflow.protocol.ExecutionState;
import io.podflow.protocol.job.ExecutionAttemptID;
import io.podflow.protocol.job.JobVertex;

import java.util.Optional;

/** One attempt at running one subtask: its id, the slot it was deployed to, and its state. */
public final class Execution {

    private final JobVertex vertex;
    private final int subtaskIndex;
    private final int attemptNumber;
    private final ExecutionAttemptID attemptId = ExecutionAttemptID.generate();
    private ExecutionState state = ExecutionState.CREATED;
    private AllocationID allocationId;
    private String failureCause;

    Execution(JobVertex vertex, int subtaskIndex, int attemptNumber) {
        this.vertex = vertex;
        this.subtaskIndex = subtaskIndex;
        this.attemptNumber = attemptNumber;
    }

    public JobVertex vertex() {
        return vertex;
    }

    public int subtaskIndex() {
        return subtaskIndex;
    }

    /** 0 for the first attempt, one more for each restart of the job. */
    public int attemptNumber() {
        return attemptNumber;
    }

    public ExecutionAttemptID attemptId() {
        return attemptId;
    }

    public ExecutionState state() {
        return state;
    }

    /** The slot the attempt was deployed to; empty until it is deployed. */
    public Optional<AllocationID> allocationId() {
        return Optional.ofNullable(allocationId);
    }

    /** Why the attempt failed, when it did. */
    public Optional<String> failureCause() {
        return Optional.ofNullable(failureCause);
    }

    /** {@code name (i+1/n)}, as logs and REST name a subtask. */
    public String subtaskName() {
        return vertex.name() + " (" + (subtaskIndex + 1) + "/" + vertex.parallelism() + ")";
    }

    boolean isTerminal() {
        return state.isTerminal();
    }

    void assignSlot(AllocationID allocation) {
        this.allocationId = allocation;
    }

    /** Moves to {@code next} if that is a legal step from the current state; says whether it moved. */
    boolean transitionTo(ExecutionState next, String cause) {
        if (!ExecutionTransitions.isAllowed(state, next)) {
            return false;
        }
        state = next;
        if (next == ExecutionState.FAILED) {
            failureCause = cause;
        }
        return true;
    }

    @Override
    public String toString() {
        return subtaskName() + " #" + attemptNumber + " [" + attemptId + "] " + state;
    }
}
