package io.podflow.jobmanager.jobmaster.graph;

import io.podflow.jobmanager.jobmaster.TestJobs;
import io.podflow.jobmanager.jobmaster.restart.FixedDelayRestartStrategy;
import io.podflow.jobmanager.jobmaster.restart.NoRestartStrategy;
import io.podflow.jobmanager.jobmaster.restart.RestartStrategy;
import io.podflow.protocol.AllocationID;
import io.podflow.protocol.ExecutionState;
import io.podflow.protocol.job.ExecutionAttemptID;
import io.podflow.protocol.job.JobStatus;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The job state machine driven by task state reports, with no JobMaster and no network. */
class ExecutionGraphTest {

    private final List<JobStatus> statuses = new ArrayList<>();
    private final List<ExecutionAttemptID> cancelRequests = new ArrayList<>();
    private final ExecutionGraphListener listener = new ExecutionGraphListener() {
        @Override
        public void jobStatusChanged(JobStatus previous, JobStatus current) {
            statuses.add(current);
        }

        @Override
        public void cancelRequested(Execution execution) {
            cancelRequests.add(execution.attemptId());
        }
    };

    private ExecutionGraph graph(RestartStrategy restartStrategy) {
        return new ExecutionGraph(TestJobs.sourceToSink(4, 2, Map.of()), restartStrategy, listener,
                Clock.systemUTC());
    }

    /** Starts the job and brings every attempt to RUNNING, each in its own slot. */
    private static void runAll(ExecutionGraph graph) {
        if (graph.status() == JobStatus.CREATED) {
            graph.start();
        }
        for (Execution execution : graph.executions()) {
            assertTrue(graph.markDeploying(execution.attemptId(), AllocationID.generate()));
            assertTrue(graph.updateTaskState(execution.attemptId(), ExecutionState.INITIALIZING, null));
            assertTrue(graph.updateTaskState(execution.attemptId(), ExecutionState.RUNNING, null));
        }
    }

    private static void report(ExecutionGraph graph, ExecutionState state, ExecutionState onlyFrom) {
        for (Execution execution : graph.executions()) {
            if (execution.state() == onlyFrom) {
                graph.updateTaskState(execution.attemptId(), state, null);
            }
        }
    }

    @Test
    void everySubtaskOfEveryVertexGetsAnAttempt() {
        ExecutionGraph graph = graph(new NoRestartStrategy());

        List<Execution> executions = graph.executions();
        assertEquals(6, executions.size());
        assertEquals(6, executions.stream().map(Execution::attemptId).distinct().count());
        assertEquals(List.of("source (1/4)", "source (2/4)", "source (3/4)", "source (4/4)", "sink (1/2)",
                "sink (2/2)"), executions.stream().map(Execution::subtaskName).toList());
        assertTrue(executions.stream().allMatch(execution -> execution.state() == ExecutionState.CREATED));
        assertEquals(JobStatus.CREATED, graph.status());
    }

    @Test
    void jobFinishesOnlyWhenTheLastTaskFinishes() {
        ExecutionGraph graph = graph(new NoRestartStrategy());
        runAll(graph);
        List<Execution> executions = graph.executions();

        for (Execution execution : executions.subList(0, executions.size() - 1)) {
            graph.updateTaskState(execution.attemptId(), ExecutionState.FINISHED, null);
        }
        assertEquals(JobStatus.RUNNING, graph.status());
        graph.updateTaskState(executions.get(executions.size() - 1).attemptId(), ExecutionState.FINISHED, null);

        assertEquals(JobStatus.FINISHED, graph.status());
        assertEquals(List.of(JobStatus.RUNNING, JobStatus.FINISHED), statuses);
        assertTrue(graph.failures().isEmpty());
    }

    @Test
    void stepsTheStateMachineDoesNotAllowAreRefused() {
        ExecutionGraph graph = graph(new NoRestartStrategy());
        graph.start();
        Execution execution = graph.executions().get(0);

        assertFalse(graph.updateTaskState(execution.attemptId(), ExecutionState.RUNNING, null),
                "RUNNING before DEPLOYING");
        assertEquals(ExecutionState.CREATED, execution.state());

        runAll(graph);
        Execution running = graph.executions().get(0);
        assertFalse(graph.updateTaskState(running.attemptId(), ExecutionState.DEPLOYING, null));
        assertTrue(graph.updateTaskState(running.attemptId(), ExecutionState.FINISHED, null));
        assertFalse(graph.updateTaskState(running.attemptId(), ExecutionState.RUNNING, null), "after FINISHED");
        assertFalse(graph.updateTaskState(running.attemptId(), ExecutionState.FAILED, "late"), "after FINISHED");
        assertEquals(ExecutionState.FINISHED, running.state());
        assertEquals(JobStatus.RUNNING, graph.status());
    }

    @Test
    void aFailureWithoutRestartsCancelsTheOtherTasksThenFailsTheJob() {
        ExecutionGraph graph = graph(new NoRestartStrategy());
        runAll(graph);
        Execution failing = graph.executions().get(1);

        graph.updateTaskState(failing.attemptId(), ExecutionState.FAILED, "boom: division by zero");

        assertEquals(JobStatus.FAILING, graph.status());
        Set<ExecutionAttemptID> others = new HashSet<>();
        graph.executions().stream().filter(execution -> execution != failing)
                .forEach(execution -> others.add(execution.attemptId()));
        assertEquals(others, new HashSet<>(cancelRequests));
        assertTrue(graph.executions().stream().filter(execution -> execution != failing)
                .allMatch(execution -> execution.state() == ExecutionState.CANCELING));

        report(graph, ExecutionState.CANCELED, ExecutionState.CANCELING);

        assertEquals(JobStatus.FAILED, graph.status());
        assertEquals(List.of(JobStatus.RUNNING, JobStatus.FAILING, JobStatus.FAILED), statuses);
        String cause = graph.failureCause().orElseThrow();
        assertTrue(cause.contains("source (2/4) failed: boom: division by zero"), cause);
        assertTrue(cause.contains("restart-strategy is none"), cause);
        assertEquals(1, graph.failures().size());
        assertEquals("source (2/4)", graph.failures().get(0).taskName());
    }

    @Test
    void tasksThatFailBecauseTheJobIsFailingDoNotHideItsCause() {
        ExecutionGraph graph = graph(new NoRestartStrategy());
        runAll(graph);
        Execution source = graph.executions().get(1);
        graph.updateTaskState(source.attemptId(), ExecutionState.FAILED, "Cannot connect the socket source");

        // a downstream task whose input the failed source released fails too, instead of reporting CANCELED
        Execution downstream = graph.executions().get(5);
        graph.updateTaskState(downstream.attemptId(), ExecutionState.FAILED, "input 0 failed: CancellationException");
        report(graph, ExecutionState.CANCELED, ExecutionState.CANCELING);

        assertEquals(JobStatus.FAILED, graph.status());
        assertEquals(List.of(new TaskFailure(graph.failures().get(0).timestampMillis(), "source (2/4)",
                "Cannot connect the socket source", true), new TaskFailure(graph.failures().get(1).timestampMillis(),
                downstream.subtaskName(), "input 0 failed: CancellationException", false)), graph.failures());
        assertTrue(graph.failureCause().orElseThrow().contains("Cannot connect the socket source"));
    }

    @Test
    void fixedDelayRestartsWithNewAttemptsUntilItsAttemptsAreUsed() {
        ExecutionGraph graph = graph(new FixedDelayRestartStrategy(1, Duration.ofSeconds(1)));
        runAll(graph);
        Execution first = graph.executions().get(0);
        graph.updateTaskState(first.attemptId(), ExecutionState.FAILED, "first failure");
        report(graph, ExecutionState.CANCELED, ExecutionState.CANCELING);
        assertEquals(JobStatus.RESTARTING, graph.status());

        graph.restart();

        assertEquals(JobStatus.RUNNING, graph.status());
        assertEquals(1, graph.restarts());
        assertTrue(graph.executions().stream().allMatch(execution -> execution.attemptNumber() == 1
                && execution.state() == ExecutionState.CREATED));
        assertTrue(graph.execution(first.attemptId()).isEmpty(), "the old attempt is superseded");
        assertFalse(graph.updateTaskState(first.attemptId(), ExecutionState.CANCELED, null),
                "a late report from the old attempt changes nothing");

        runAll(graph);
        graph.updateTaskState(graph.executions().get(3).attemptId(), ExecutionState.FAILED, "second failure");
        report(graph, ExecutionState.CANCELED, ExecutionState.CANCELING);

        assertEquals(JobStatus.FAILED, graph.status());
        String cause = graph.failureCause().orElseThrow();
        assertTrue(cause.contains("second failure") && cause.contains("allowed 1 restart(s)"), cause);
        assertEquals(List.of("first failure", "second failure"),
                graph.failures().stream().map(TaskFailure::message).toList());
    }

    @Test
    void restartAfterRecoveryCanStillFinish() {
        ExecutionGraph graph = graph(new FixedDelayRestartStrategy(2, Duration.ZERO));
        runAll(graph);
        graph.updateTaskState(graph.executions().get(5).attemptId(), ExecutionState.FAILED, "flaky sink");
        report(graph, ExecutionState.CANCELED, ExecutionState.CANCELING);
        graph.restart();
        runAll(graph);

        report(graph, ExecutionState.FINISHED, ExecutionState.RUNNING);

        assertEquals(JobStatus.FINISHED, graph.status());
        assertEquals(List.of(JobStatus.RUNNING, JobStatus.FAILING, JobStatus.RESTARTING, JobStatus.RUNNING,
                JobStatus.FINISHED), statuses);
    }

    @Test
    void cancelStopsDeployedTasksAndEndsCanceledOnceTheyStop() {
        ExecutionGraph graph = graph(new FixedDelayRestartStrategy(3, Duration.ZERO));
        graph.start();
        Execution deployed = graph.executions().get(0);
        graph.markDeploying(deployed.attemptId(), AllocationID.generate());
        graph.updateTaskState(deployed.attemptId(), ExecutionState.RUNNING, null);

        graph.cancel();

        assertEquals(JobStatus.CANCELLING, graph.status());
        assertEquals(List.of(deployed.attemptId()), cancelRequests, "only the deployed attempt needs its TM");
        assertTrue(graph.executions().stream().filter(execution -> execution != deployed)
                .allMatch(execution -> execution.state() == ExecutionState.CANCELED));
        graph.updateTaskState(deployed.attemptId(), ExecutionState.CANCELED, null);

        assertEquals(JobStatus.CANCELED, graph.status());
        assertTrue(graph.failures().isEmpty(), "a requested cancel is no failure");
    }

    @Test
    void cancelWhileRestartingEndsAtOnce() {
        ExecutionGraph graph = graph(new FixedDelayRestartStrategy(1, Duration.ofMinutes(1)));
        runAll(graph);
        graph.updateTaskState(graph.executions().get(0).attemptId(), ExecutionState.FAILED, "x");
        report(graph, ExecutionState.CANCELED, ExecutionState.CANCELING);

        graph.cancel();

        assertEquals(JobStatus.CANCELED, graph.status());
    }

    @Test
    void tasksInLostSlotsFailAndTheOthersAreCanceled() {
        ExecutionGraph graph = graph(new NoRestartStrategy());
        graph.start();
        AllocationID lost = AllocationID.generate();
        List<Execution> executions = graph.executions();
        for (int i = 0; i < executions.size(); i++) {
            graph.markDeploying(executions.get(i).attemptId(), i == 0 || i == 4 ? lost : AllocationID.generate());
        }

        graph.failTasksInSlots(Set.of(lost), "TaskManager tm-1 is lost");

        assertEquals(ExecutionState.FAILED, executions.get(0).state());
        assertEquals(ExecutionState.FAILED, executions.get(4).state());
        assertEquals(JobStatus.FAILING, graph.status());
        assertEquals(4, cancelRequests.size());
        assertEquals("TaskManager tm-1 is lost", executions.get(4).failureCause().orElseThrow());
    }

    @Test
    void aJobWideFailureBeforeDeploymentFailsTheJobWithItsMessage() {
        ExecutionGraph graph = graph(new NoRestartStrategy());
        graph.start();

        graph.failGlobally("Could not get 4 slots within 5 min: the cluster has 2");

        assertEquals(JobStatus.FAILED, graph.status());
        assertTrue(graph.failureCause().orElseThrow().startsWith("Could not get 4 slots within 5 min"));
        assertTrue(cancelRequests.isEmpty());
    }

    @Test
    void aTaskCanceledByItsTaskManagerCountsAsAFailure() {
        ExecutionGraph graph = graph(new NoRestartStrategy());
        runAll(graph);

        graph.updateTaskState(graph.executions().get(2).attemptId(), ExecutionState.CANCELED, null);

        assertEquals(JobStatus.FAILING, graph.status());
        assertEquals("it was canceled by its TaskManager", graph.failures().get(0).message());
    }
}
