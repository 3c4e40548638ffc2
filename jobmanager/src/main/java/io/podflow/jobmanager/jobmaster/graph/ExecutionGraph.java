package io.podflow.jobmanager.jobmaster.graph;

import io.podflow.jobmanager.jobmaster.restart.RestartStrategy;
import io.podflow.protocol.AllocationID;
import io.podflow.protocol.ExecutionState;
import io.podflow.protocol.job.ExecutionAttemptID;
import io.podflow.protocol.job.JobGraph;
import io.podflow.protocol.job.JobStatus;
import io.podflow.protocol.job.JobVertex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The running form of a JobGraph: one {@link Execution} per vertex and subtask, and the job status those
 * executions drive. All tasks FINISHED finishes the job; a failure cancels the rest and then either restarts
 * (a new attempt of every subtask) or fails the job, as the {@link RestartStrategy} decides; a cancel stops
 * every task and ends CANCELED. Not thread-safe: the JobMaster touches it on its main thread only.
 */
public final class ExecutionGraph {

    private static final Logger LOG = LoggerFactory.getLogger(ExecutionGraph.class);
    private static final int MAX_FAILURES_KEPT = 32;

    private final JobGraph jobGraph;
    private final RestartStrategy restartStrategy;
    private final ExecutionGraphListener listener;
    private final Clock clock;
    private final Map<ExecutionAttemptID, Execution> current = new LinkedHashMap<>();
    private final Deque<TaskFailure> failures = new ArrayDeque<>();
    private JobStatus status = JobStatus.CREATED;
    private int attemptNumber;
    private String failureCause;

    public ExecutionGraph(JobGraph jobGraph, RestartStrategy restartStrategy, ExecutionGraphListener listener,
            Clock clock) {
        this.jobGraph = jobGraph;
        this.restartStrategy = restartStrategy;
        this.listener = listener;
        this.clock = clock;
        createAttempts();
    }

    public JobGraph jobGraph() {
        return jobGraph;
    }

    public JobStatus status() {
        return status;
    }

    /** The current attempt of every subtask, vertices in topological order, subtasks by index. */
    public List<Execution> executions() {
        return List.copyOf(current.values());
    }

    /** The current attempt with this id; empty for an unknown or superseded attempt. */
    public Optional<Execution> execution(ExecutionAttemptID attemptId) {
        return Optional.ofNullable(current.get(attemptId));
    }

    /** How many times the job has restarted. */
    public int restarts() {
        return attemptNumber;
    }

    /** Failures so far, oldest first (at most the last {@value #MAX_FAILURES_KEPT}). */
    public List<TaskFailure> failures() {
        return List.copyOf(failures);
    }

    /** Why the job FAILED; empty unless it did. */
    public Optional<String> failureCause() {
        return Optional.ofNullable(failureCause);
    }

    /** CREATED -> RUNNING: the JobMaster starts acquiring slots and deploying. */
    public void start() {
        if (status != JobStatus.CREATED) {
            throw new IllegalStateException("Job " + jobGraph.jobId() + " cannot start from " + status);
        }
        moveTo(JobStatus.RUNNING);
    }

    /** Marks the attempt DEPLOYING into the slot; false if the attempt is not current or not CREATED. */
    public boolean markDeploying(ExecutionAttemptID attemptId, AllocationID allocation) {
        Execution execution = current.get(attemptId);
        if (status != JobStatus.RUNNING || execution == null
                || !execution.transitionTo(ExecutionState.DEPLOYING, null)) {
            return false;
        }
        execution.assignSlot(allocation);
        return true;
    }

    /**
     * Applies a state a TaskManager (or the JobMaster itself) reports for an attempt. Reports for superseded
     * attempts and steps the state machine does not allow are ignored; returns whether the report was applied.
     */
    public boolean updateTaskState(ExecutionAttemptID attemptId, ExecutionState state, String cause) {
        Execution execution = current.get(attemptId);
        if (execution == null) {
            LOG.debug("Job {}: ignoring {} for attempt {}, which is not a current attempt", jobGraph.jobId(), state,
                    attemptId);
            return false;
        }
        ExecutionState previous = execution.state();
        if (!execution.transitionTo(state, cause)) {
            // a task reports progress it made before it saw the cancel request; only other steps are suspicious
            boolean overtakenByCancel = previous == ExecutionState.CANCELING && !state.isTerminal();
            if (overtakenByCancel) {
                LOG.debug("Job {}: {} reported {} while CANCELING", jobGraph.jobId(), execution.subtaskName(), state);
            } else {
                LOG.warn("Job {}: {} cannot go from {} to {}; report ignored", jobGraph.jobId(),
                        execution.subtaskName(), previous, state);
            }
            return false;
        }
        LOG.info("Job {}: {} {} -> {}", jobGraph.jobId(), execution.subtaskName(), previous, state);
        boolean unexpectedStop = state == ExecutionState.FAILED
                || (state == ExecutionState.CANCELED && previous != ExecutionState.CANCELING);
        if (unexpectedStop) {
            String why = state == ExecutionState.FAILED ? describe(cause) : "it was canceled by its TaskManager";
            taskFailed(execution, why);
        }
        checkAllStopped();
        return true;
    }

    /** Fails every current attempt deployed in one of these slots, e.g. because their TaskManager is gone. */
    public void failTasksInSlots(Set<AllocationID> lostSlots, String cause) {
        // all lost attempts fail before the survivors are cancelled, so no cancel goes to a TaskManager that is gone
        List<Execution> lost = current.values().stream().filter(execution -> !execution.isTerminal()
                && execution.allocationId().filter(lostSlots::contains).isPresent()).toList();
        lost.forEach(execution -> execution.transitionTo(ExecutionState.FAILED, cause));
        lost.forEach(execution -> taskFailed(execution, cause));
        checkAllStopped();
    }

    /** A failure of the job as a whole (e.g. no slots in time): stops every task, then restarts or fails. */
    public void failGlobally(String cause) {
        if (status != JobStatus.RUNNING) {
            return;
        }
        recordFailure("job", cause, true);
        beginFailing(cause);
        checkAllStopped();
    }

    /** Cancels the job: unstarted attempts end at once, deployed ones are asked to stop. */
    public void cancel() {
        switch (status) {
            case CREATED, RESTARTING -> {
                cancelAttempts();
                moveTo(JobStatus.CANCELED);
            }
            case RUNNING, FAILING -> {
                moveTo(JobStatus.CANCELLING);
                cancelAttempts();
                checkAllStopped();
            }
            default -> LOG.debug("Job {}: cancel ignored in status {}", jobGraph.jobId(), status);
        }
    }

    /** RESTARTING -> RUNNING with a new attempt of every subtask; the JobMaster then deploys them again. */
    public void restart() {
        if (status != JobStatus.RESTARTING) {
            throw new IllegalStateException("Job " + jobGraph.jobId() + " cannot restart from " + status);
        }
        attemptNumber++;
        createAttempts();
        moveTo(JobStatus.RUNNING);
    }

    private void createAttempts() {
        current.clear();
        for (JobVertex vertex : jobGraph.vertices()) {
            for (int subtask = 0; subtask < vertex.parallelism(); subtask++) {
                Execution execution = new Execution(vertex, subtask, attemptNumber);
                current.put(execution.attemptId(), execution);
            }
        }
    }

    /**
     * Every failure is recorded, but only one that starts a failover is a root cause: tasks that fail while the
     * job is already failing or cancelling mostly fail because of it (their inputs were released, their peers
     * cancelled), and showing such a consequence as the job's root exception would hide the cause.
     */
    private void taskFailed(Execution execution, String why) {
        boolean startsFailover = status == JobStatus.RUNNING;
        recordFailure(execution.subtaskName(), why, startsFailover);
        if (startsFailover) {
            beginFailing(execution.subtaskName() + " failed: " + why);
        }
    }

    private void beginFailing(String cause) {
        failureCause = cause;
        moveTo(JobStatus.FAILING);
        cancelAttempts();
    }

    private void cancelAttempts() {
        for (Execution execution : executions()) {
            ExecutionState state = execution.state();
            if (state == ExecutionState.CREATED || state == ExecutionState.SCHEDULED) {
                execution.transitionTo(ExecutionState.CANCELED, null);
            } else if (!execution.isTerminal() && state != ExecutionState.CANCELING) {
                execution.transitionTo(ExecutionState.CANCELING, null);
                listener.cancelRequested(execution);
            }
        }
    }

    private void checkAllStopped() {
        if (!current.values().stream().allMatch(Execution::isTerminal)) {
            return;
        }
        switch (status) {
            case RUNNING -> moveTo(JobStatus.FINISHED);
            case CANCELLING -> moveTo(JobStatus.CANCELED);
            case FAILING -> {
                if (restartStrategy.tryRestart()) {
                    moveTo(JobStatus.RESTARTING);
                } else {
                    failureCause = failureCause + " (no restart: " + restartStrategy.exhaustedReason() + ")";
                    moveTo(JobStatus.FAILED);
                }
            }
            default -> {
            }
        }
    }

    private void recordFailure(String taskName, String message, boolean rootCause) {
        failures.addLast(new TaskFailure(clock.millis(), taskName, message, rootCause));
        if (failures.size() > MAX_FAILURES_KEPT) {
            failures.removeFirst();
        }
    }

    private void moveTo(JobStatus next) {
        JobStatus previous = status;
        status = next;
        LOG.info("Job {} ({}) switched from {} to {}", jobGraph.name(), jobGraph.jobId(), previous, next);
        listener.jobStatusChanged(previous, next);
    }

    private static String describe(String cause) {
        return cause == null || cause.isBlank() ? "no reason given" : cause;
    }
}
