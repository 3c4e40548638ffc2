package io.podflow.jobmanager.jobmaster;

import io.podflow.common.config.Configuration;
import io.podflow.common.config.MemorySize;
import io.podflow.jobmanager.resourcemanager.ResourceManager;
import io.podflow.jobmanager.resourcemanager.ResourceManagerDriver;
import io.podflow.jobmanager.resourcemanager.StandaloneResourceManagerDriver;
import io.podflow.jobmanager.resourcemanager.WorkerDemand;
import io.podflow.jobmanager.resourcemanager.WorkerEvents;
import io.podflow.jobmanager.resourcemanager.WorkerSpec;
import io.podflow.protocol.ExecutionState;
import io.podflow.protocol.ProtocolTypes;
import io.podflow.protocol.ResourceID;
import io.podflow.protocol.ResourceManagerGateway;
import io.podflow.protocol.TaskManagerInfo;
import io.podflow.protocol.heartbeat.HeartbeatSettings;
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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JobMaster against the real standalone ResourceManager: the slot protocol between the two holds. */
class JobMasterWithResourceManagerTest {

    private final Configuration config = new Configuration()
            .set(RpcOptions.CLUSTER_SECRET, "jobmaster-rm-test-secret")
            .set(RpcOptions.ASK_TIMEOUT, Duration.ofSeconds(20))
            .setString("heartbeat.interval", "200 ms")
            .setString("heartbeat.timeout", "5 s");
    private RpcService jobManagerSide;
    private RpcService taskManagerSide;
    private ResourceManager resourceManager;

    @BeforeEach
    void start() {
        jobManagerSide = RpcService.builder(config).port(0).registerTypes(ProtocolTypes.all()).start();
        taskManagerSide = RpcService.builder(config).port(0).registerTypes(ProtocolTypes.all()).start();
        resourceManager = new ResourceManager(jobManagerSide, ResourceID.of("resourcemanager-test"),
                HeartbeatSettings.from(config), new WorkerSpec(2, MemorySize.ofMebiBytes(1024)),
                new StandaloneResourceManagerDriver());
        resourceManager.start();
    }

    @AfterEach
    void stop() throws Exception {
        taskManagerSide.closeAsync().get(60, TimeUnit.SECONDS);
        jobManagerSide.closeAsync().get(60, TimeUnit.SECONDS);
    }

    private void startTaskExecutors(int count, TaskScript script) {
        for (int i = 1; i <= count; i++) {
            new FakeTaskExecutor(taskManagerSide, "tm-" + i, 2, resourceManager.getAddress(), script).start();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> freeSlots() == 2 * count);
    }

    private JobMaster startJob(Map<String, String> jobConfig, int parallelism) {
        JobGraph job = TestJobs.sourceToSink(parallelism, parallelism, jobConfig);
        JobMaster jobMaster = new JobMaster(jobManagerSide, job, JobMasterSettings.forJob(config, job),
                resourceManager.getAddress(), "127.0.0.1:6124", Clock.systemUTC());
        jobMaster.start();
        return jobMaster;
    }

    private int freeSlots() throws Exception {
        return resourceManager.getSelfGateway(ResourceManagerGateway.class).requestTaskManagerInfos()
                .get(20, TimeUnit.SECONDS).stream().mapToInt(TaskManagerInfo::slotsFree).sum();
    }

    @Test
    void aJobOfParallelismFourFinishesOnTwoTaskManagersAndEverySlotIsFreeAgain() throws Exception {
        startTaskExecutors(2, TaskScript.FINISH);

        JobResult result = startJob(Map.of(), 4).getResultFuture().get(60, TimeUnit.SECONDS);

        assertEquals(JobStatus.FINISHED, result.status());
        await().atMost(Duration.ofSeconds(30)).until(() -> freeSlots() == 4);
    }

    @Test
    void cancelEndsCanceledAndTheResourceManagerSeesEverySlotFree() throws Exception {
        startTaskExecutors(2, TaskScript.KEEP_RUNNING);
        JobMaster jobMaster = startJob(Map.of(), 4);
        await().atMost(Duration.ofSeconds(30)).until(() -> jobMaster.requestSnapshot().get().details()
                .tasksPerState().get(ExecutionState.RUNNING) == 8);
        assertEquals(0, freeSlots());

        jobMaster.cancel().get(20, TimeUnit.SECONDS);

        assertEquals(JobStatus.CANCELED, jobMaster.getResultFuture().get(60, TimeUnit.SECONDS).status());
        await().atMost(Duration.ofSeconds(30)).until(() -> freeSlots() == 4);
    }

    @Test
    void tooFewSlotsFailTheJobWithWhatItAskedForAndWhatExists() throws Exception {
        startTaskExecutors(1, TaskScript.FINISH);

        JobResult result = startJob(Map.of("slot.request.timeout", "1 s"), 3).getResultFuture()
                .get(60, TimeUnit.SECONDS);

        assertEquals(JobStatus.FAILED, result.status());
        assertTrue(result.failureCause().contains("Could not get the 3 slot(s)"), result.failureCause());
        assertTrue(result.failureCause().contains("The cluster has 2 slot(s) on 1 TaskManager(s)"),
                result.failureCause());
        assertTrue(result.failureCause().contains("Jobs need 1 more TaskManager(s) with 2 slot(s) each; this is a "
                + "standalone cluster"), result.failureCause());
        await().atMost(Duration.ofSeconds(30)).until(() -> freeSlots() == 2);
    }

    @Test
    void workersTheDriverCannotStartFailTheJobWithItsReasonWithoutWaitingForTheSlotTimeout() throws Exception {
        resourceManager.closeAsync().get(30, TimeUnit.SECONDS);
        resourceManager = new ResourceManager(jobManagerSide, ResourceID.of("resourcemanager-refusing"),
                HeartbeatSettings.from(config), new WorkerSpec(2, MemorySize.ofMebiBytes(1024)),
                new RefusingDriver("service account 'flink' may not create pods"));
        resourceManager.start();

        JobResult result = startJob(Map.of("slot.request.timeout", "10 min"), 2).getResultFuture()
                .get(60, TimeUnit.SECONDS);

        assertEquals(JobStatus.FAILED, result.status());
        assertTrue(result.failureCause().startsWith("Could not get the 2 slot(s) job 'source to sink' needs: "
                + "service account 'flink' may not create pods"), result.failureCause());
    }

    /** A driver whose every worker request fails, as a Kubernetes driver whose pods are refused. */
    private static final class RefusingDriver implements ResourceManagerDriver {

        private final String reason;
        private WorkerEvents events;
        private boolean reported;

        RefusingDriver(String reason) {
            this.reason = reason;
        }

        @Override
        public void start(WorkerEvents workerEvents) {
            this.events = workerEvents;
        }

        @Override
        public void reconcile(WorkerDemand demand) {
            if (demand.shortfall() > 0 && !reported) {
                reported = true;
                events.workerRequestFailed(demand.shortfall(), reason);
            }
        }

        @Override
        public void releaseWorker(ResourceID workerId, String why) {
        }

        @Override
        public String refusalReasonFor(ResourceID workerId) {
            return "no workers start";
        }

        @Override
        public Optional<String> missingWorkersReason() {
            return Optional.of(reason);
        }

        @Override
        public void close() {
        }
    }
}
