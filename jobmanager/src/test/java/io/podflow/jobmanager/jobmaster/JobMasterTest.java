package io.podflow.jobmanager.jobmaster;

import io.podflow.common.config.Configuration;
import io.podflow.protocol.ExecutionState;
import io.podflow.protocol.JobMasterGateway;
import io.podflow.protocol.ProtocolTypes;
import io.podflow.protocol.ResourceManagerGateway;
import io.podflow.protocol.TaskExecutionState;
import io.podflow.protocol.deployment.TaskDeploymentDescriptor;
import io.podflow.protocol.deployment.TaskPeer;
import io.podflow.protocol.job.ExecutionAttemptID;
import io.podflow.protocol.job.JobGraph;
import io.podflow.protocol.job.JobResult;
import io.podflow.protocol.job.JobStatus;
import io.podflow.rpc.RpcOptions;
import io.podflow.rpc.RpcService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A JobMaster over loopback RPC with a small ResourceManager and TaskExecutors that play scripted tasks: the
 * TaskExecutors live in their own RPC service, so every slot offer, deployment and report crosses the wire.
 */
class JobMasterTest {

    private RpcService jobManagerSide;
    private RpcService taskManagerSide;
    private FakeResourceManager resourceManager;
    private final List<FakeTaskExecutor> taskExecutors = new ArrayList<>();
    private final Configuration config = new Configuration()
            .set(RpcOptions.CLUSTER_SECRET, "jobmaster-test-secret")
            .set(RpcOptions.ASK_TIMEOUT, Duration.ofSeconds(20))
            .setString("heartbeat.interval", "200 ms")
            .setString("heartbeat.timeout", "3 s");

    @BeforeEach
    void startServices() {
        jobManagerSide = RpcService.builder(config).port(0).registerTypes(ProtocolTypes.all()).start();
        taskManagerSide = RpcService.builder(config).port(0).registerTypes(ProtocolTypes.all()).start();
        resourceManager = new FakeResourceManager(jobManagerSide);
        resourceManager.start();
    }

    @AfterEach
    void stopServices() throws Exception {
        taskManagerSide.closeAsync().get(60, TimeUnit.SECONDS);
        jobManagerSide.closeAsync().get(60, TimeUnit.SECONDS);
    }

    private FakeTaskExecutor startTaskExecutor(String resourceId, int slots, TaskScript script) {
        FakeTaskExecutor taskExecutor = new FakeTaskExecutor(taskManagerSide, resourceId, slots,
                resourceManager.getAddress(), script);
        taskExecutor.start();
        taskExecutors.add(taskExecutor);
        return taskExecutor;
    }

    private JobMaster startJob(JobGraph job) {
        JobMaster jobMaster = new JobMaster(jobManagerSide, job, JobMasterSettings.forJob(config, job),
                resourceManager.getAddress(),
                "127.0.0.1:6124", Clock.systemUTC());
        jobMaster.start();
        return jobMaster;
    }

    private static JobResult resultOf(JobMaster jobMaster) throws Exception {
        return jobMaster.getResultFuture().get(60, TimeUnit.SECONDS);
    }

    private void awaitAllSlotsFree() {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (FakeTaskExecutor taskExecutor : taskExecutors) {
                if (taskExecutor.allocatedSlotCount() != 0) {
                    return false;
                }
            }
            return true;
        });
    }

    @Test
    void aTwoVertexJobOfParallelismFourFinishesOnTwoTaskManagersWithTwoSlotsEach() throws Exception {
        FakeTaskExecutor first = startTaskExecutor("tm-1", 2, TaskScript.FINISH);
        FakeTaskExecutor second = startTaskExecutor("tm-2", 2, TaskScript.FINISH);

        JobMaster jobMaster = startJob(TestJobs.sourceToSink(4, 4, Map.of()));
        JobResult result = resultOf(jobMaster);

        assertEquals(JobStatus.FINISHED, result.status());
        assertNull(result.failureCause());
        assertEquals(4, first.deployments().size(), "2 slots x 2 vertices");
        assertEquals(4, second.deployments().size(), "2 slots x 2 vertices");
        List<TaskDeploymentDescriptor> all = new ArrayList<>(first.deployments());
        all.addAll(second.deployments());
        assertEquals(Set.of("source (1/4)", "source (2/4)", "source (3/4)", "source (4/4)", "sink (1/4)",
                "sink (2/4)", "sink (3/4)", "sink (4/4)"),
                all.stream().map(TaskDeploymentDescriptor::subtaskName).collect(Collectors.toSet()));
        TaskDeploymentDescriptor sink = all.stream().filter(deployment -> deployment.taskName().equals("sink"))
                .findFirst().orElseThrow();
        List<TaskPeer> producers = sink.inputs().get(0).producers();
        assertEquals(4, producers.size());
        assertEquals(Set.of("tm-1", "tm-2"), producers.stream()
                .map(peer -> peer.location().resourceId().toString()).collect(Collectors.toSet()));
        for (TaskDeploymentDescriptor deployment : all) {
            String sameSlotSubtask = all.stream()
                    .filter(other -> other.allocationId().equals(deployment.allocationId()))
                    .map(other -> String.valueOf(other.subtaskIndex())).distinct().collect(Collectors.joining());
            assertEquals(String.valueOf(deployment.subtaskIndex()), sameSlotSubtask,
                    "a slot hosts subtask i of each vertex and nothing else");
        }
        JobSnapshot snapshot = jobMaster.requestSnapshot().get(5, TimeUnit.SECONDS);
        assertEquals(8, snapshot.details().tasksPerState().get(ExecutionState.FINISHED));
        assertTrue(snapshot.details().endTimeEpochMillis() >= snapshot.details().startTimeEpochMillis());
        awaitAllSlotsFree();
    }

    @Test
    void aTaskFailureUnderFixedDelayRestartsTheJobWhichThenFinishes() throws Exception {
        AtomicBoolean failedOnce = new AtomicBoolean();
        TaskScript failFirstSink = deployment -> deployment.taskName().equals("sink") && deployment.subtaskIndex() == 2
                && failedOnce.compareAndSet(false, true) ? ExecutionState.FAILED : ExecutionState.FINISHED;
        FakeTaskExecutor first = startTaskExecutor("tm-1", 2, failFirstSink);
        FakeTaskExecutor second = startTaskExecutor("tm-2", 2, failFirstSink);

        JobMaster jobMaster = startJob(TestJobs.sourceToSink(4, 4, Map.of("restart-strategy", "fixed-delay",
                "restart-strategy.fixed-delay.attempts", "2", "restart-strategy.fixed-delay.delay", "50 ms")));
        JobResult result = resultOf(jobMaster);

        assertEquals(JobStatus.FINISHED, result.status());
        assertEquals(16, first.deployments().size() + second.deployments().size(), "every task ran twice");
        JobSnapshot snapshot = jobMaster.requestSnapshot().get(5, TimeUnit.SECONDS);
        assertEquals(1, snapshot.exceptions().size());
        assertEquals("sink (3/4)", snapshot.exceptions().get(0).taskName());
        assertEquals("scripted failure of sink (3/4)", snapshot.exceptions().get(0).message());
        assertTrue(snapshot.vertices().stream().flatMap(vertex -> vertex.subtasks().stream())
                .allMatch(subtask -> subtask.attempt() == 1 && subtask.state() == ExecutionState.FINISHED));
        awaitAllSlotsFree();
    }

    @Test
    void aFailureWithoutRestartsFailsTheJobWithTheTaskCause() throws Exception {
        startTaskExecutor("tm-1", 2, deployment -> deployment.subtaskIndex() == 0 && deployment.taskName().equals(
                "source") ? ExecutionState.FAILED : ExecutionState.RUNNING);

        JobResult result = resultOf(startJob(TestJobs.sourceToSink(2, 2, Map.of())));

        assertEquals(JobStatus.FAILED, result.status());
        assertTrue(result.failureCause().startsWith("source (1/2) failed: scripted failure of source (1/2)"),
                result.failureCause());
        awaitAllSlotsFree();
    }

    @Test
    void cancelEndsTheJobCanceledAndFreesEverySlot() throws Exception {
        startTaskExecutor("tm-1", 2, TaskScript.KEEP_RUNNING);
        startTaskExecutor("tm-2", 2, TaskScript.KEEP_RUNNING);
        JobMaster jobMaster = startJob(TestJobs.sourceToSink(4, 4, Map.of()));
        await().atMost(Duration.ofSeconds(30)).until(() -> jobMaster.requestSnapshot().get().details()
                .tasksPerState().get(ExecutionState.RUNNING) == 8);

        jobMaster.cancel().get(5, TimeUnit.SECONDS);

        assertEquals(JobStatus.CANCELED, resultOf(jobMaster).status());
        assertEquals(8, jobMaster.requestSnapshot().get().details().tasksPerState().get(ExecutionState.CANCELED));
        awaitAllSlotsFree();
    }

    @Test
    void withoutEnoughSlotsTheJobFailsSayingHowManyItAskedForAndHowManyExist() throws Exception {
        startTaskExecutor("tm-1", 2, TaskScript.FINISH);

        JobResult result = resultOf(startJob(TestJobs.sourceToSink(4, 1, Map.of("slot.request.timeout", "500 ms"))));

        assertEquals(JobStatus.FAILED, result.status());
        String cause = result.failureCause();
        assertTrue(cause.contains("Could not get the 4 slot(s) job 'source to sink' needs within"), cause);
        assertTrue(cause.contains("The cluster has 2 slot(s) on 1 TaskManager(s)"), cause);
        awaitAllSlotsFree();
    }

    @Test
    void aSilentTaskManagerIsDeclaredLostAndTheJobFinishesOnItsReplacement() throws Exception {
        AtomicBoolean finishTasks = new AtomicBoolean();
        TaskScript runUntilReleased = deployment -> finishTasks.get() ? ExecutionState.FINISHED
                : ExecutionState.RUNNING;
        startTaskExecutor("tm-1", 2, runUntilReleased);
        FakeTaskExecutor doomed = startTaskExecutor("tm-2", 2, runUntilReleased);
        JobMaster jobMaster = startJob(TestJobs.sourceToSink(4, 4, Map.of("restart-strategy", "fixed-delay",
                "restart-strategy.fixed-delay.attempts", "3", "restart-strategy.fixed-delay.delay", "50 ms")));
        await().atMost(Duration.ofSeconds(30)).until(() -> jobMaster.requestSnapshot().get().details()
                .tasksPerState().get(ExecutionState.RUNNING) == 8);

        finishTasks.set(true);
        doomed.fallSilent();
        resourceManager.getSelfGateway(ResourceManagerGateway.class).disconnectTaskExecutor(doomed.resourceId(),
                "test: TaskManager killed");
        doomed.closeAsync().get(5, TimeUnit.SECONDS);
        taskExecutors.remove(doomed);
        await().atMost(Duration.ofSeconds(30)).until(() -> !jobMaster.requestSnapshot().get().exceptions().isEmpty());
        startTaskExecutor("tm-3", 2, runUntilReleased);

        JobResult result = resultOf(jobMaster);
        assertEquals(JobStatus.FINISHED, result.status());
        JobSnapshot snapshot = jobMaster.requestSnapshot().get(5, TimeUnit.SECONDS);
        assertTrue(snapshot.exceptions().stream().anyMatch(failure ->
                failure.message().equals("TaskManager tm-2 is lost: no heartbeat for PT3S")), snapshot.exceptions()
                .toString());
        awaitAllSlotsFree();
    }

    @Test
    void theLoadsTaskManagersReportWithTheirHeartbeatsShowInTheSnapshotOfRunningSubtasks() throws Exception {
        startTaskExecutor("tm-1", 2, TaskScript.KEEP_RUNNING);
        JobMaster jobMaster = startJob(TestJobs.sourceToSink(2, 2, Map.of()));

        await().atMost(Duration.ofSeconds(30)).until(() -> jobMaster.requestSnapshot().get().vertices().stream()
                .flatMap(vertex -> vertex.subtasks().stream())
                .allMatch(subtask -> subtask.state() == ExecutionState.RUNNING && subtask.load() != null));
        JobSnapshot snapshot = jobMaster.requestSnapshot().get(5, TimeUnit.SECONDS);
        snapshot.vertices().forEach(vertex -> vertex.subtasks().forEach(subtask ->
                assertEquals(0.75, subtask.load().backPressuredRatio())));
        jobMaster.cancel().get(5, TimeUnit.SECONDS);
        assertEquals(JobStatus.CANCELED, resultOf(jobMaster).status());
    }

    @Test
    void aTaskManagerThatNoLongerAcceptsConnectionsIsGivenUpAtOnceAndTheRestartUsesAnother() throws Exception {
        Configuration slowHeartbeats = new Configuration(config).setString("heartbeat.timeout", "10 min");
        RpcService doomedProcess = RpcService.builder(config).port(0).registerTypes(ProtocolTypes.all()).start();
        AtomicBoolean finishTasks = new AtomicBoolean();
        TaskScript runUntilReleased = deployment -> finishTasks.get() ? ExecutionState.FINISHED
                : ExecutionState.RUNNING;
        FakeTaskExecutor survivingTaskManager = startTaskExecutor("tm-1", 2, runUntilReleased);
        FakeTaskExecutor doomed = new FakeTaskExecutor(doomedProcess, "tm-2", 2, resourceManager.getAddress(),
                runUntilReleased);
        doomed.start();
        JobGraph job = TestJobs.sourceToSink(4, 4, Map.of("restart-strategy", "fixed-delay",
                "restart-strategy.fixed-delay.attempts", "1", "restart-strategy.fixed-delay.delay", "50 ms"));
        JobMaster jobMaster = new JobMaster(jobManagerSide, job, JobMasterSettings.forJob(slowHeartbeats, job),
                resourceManager.getAddress(), "127.0.0.1:6124", Clock.systemUTC());
        jobMaster.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> jobMaster.requestSnapshot().get().details()
                .tasksPerState().get(ExecutionState.RUNNING) == 8);

        doomedProcess.closeAsync().get(60, TimeUnit.SECONDS);
        finishTasks.set(true);
        startTaskExecutor("tm-3", 2, runUntilReleased);
        ExecutionAttemptID survivor = survivingTaskManager.deployments().get(0).attemptId();
        jobMaster.getSelfGateway(JobMasterGateway.class).updateTaskExecutionState(new TaskExecutionState(
                job.jobId(), survivor, ExecutionState.FAILED, "connection to its producer on tm-2 was lost"));

        JobResult result = resultOf(jobMaster);
        assertEquals(JobStatus.FINISHED, result.status(), result.failureCause());
        assertTrue(resourceManager.requestTaskManagerInfos().get().stream()
                .noneMatch(info -> info.id().toString().equals("tm-2")), "the ResourceManager was told");
        assertTrue(jobMaster.requestSnapshot().get().exceptions().stream().anyMatch(failure ->
                failure.message().startsWith("TaskManager tm-2 is lost: job " + job.jobId() + " cannot reach it")),
                () -> jobMaster.requestSnapshot().join().exceptions().toString());
    }

    @Test
    void withoutAResourceManagerTheJobFailsAfterTheSlotTimeoutNamingIt() throws Exception {
        String nowhere = resourceManager.getAddress().replace(FakeResourceManager.ENDPOINT_NAME, "no-such-endpoint");
        JobGraph job = TestJobs.sourceToSink(1, 1, Map.of("slot.request.timeout", "500 ms"));
        JobMaster jobMaster = new JobMaster(jobManagerSide, job, JobMasterSettings.forJob(config, job), nowhere,
                "127.0.0.1:6124", Clock.systemUTC());
        jobMaster.start();

        JobResult result = resultOf(jobMaster);

        assertEquals(JobStatus.FAILED, result.status());
        assertTrue(result.failureCause().contains("The ResourceManager at " + nowhere
                + " could not say how many slots exist"), result.failureCause());
    }

    @Test
    void stoppingTheJobMasterCancelsItsJobAndFreesItsSlots() throws Exception {
        startTaskExecutor("tm-1", 2, TaskScript.KEEP_RUNNING);
        JobMaster jobMaster = startJob(TestJobs.sourceToSink(2, 2, Map.of()));
        await().atMost(Duration.ofSeconds(30)).until(() -> jobMaster.requestSnapshot().get().details()
                .tasksPerState().get(ExecutionState.RUNNING) == 4);

        jobMaster.closeAsync().get(30, TimeUnit.SECONDS);

        assertEquals(JobStatus.CANCELED, resultOf(jobMaster).status());
        awaitAllSlotsFree();
    }
}
