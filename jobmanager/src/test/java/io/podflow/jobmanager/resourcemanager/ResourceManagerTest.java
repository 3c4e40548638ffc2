package io.podflow.jobmanager.resourcemanager;

import io.podflow.common.config.Configuration;
import io.podflow.common.config.MemorySize;
import io.podflow.common.metrics.MetricRegistry;
import io.podflow.common.plugin.metrics.MetricValue;
import io.podflow.protocol.JobMasterId;
import io.podflow.protocol.ProtocolTypes;
import io.podflow.protocol.RegistrationResponse;
import io.podflow.protocol.ResourceID;
import io.podflow.protocol.ResourceManagerGateway;
import io.podflow.protocol.TaskManagerInfo;
import io.podflow.protocol.heartbeat.HeartbeatSettings;
import io.podflow.protocol.job.JobID;
import io.podflow.rpc.RpcOptions;
import io.podflow.rpc.RpcService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A ResourceManager and fake TaskExecutors and JobMasters in two RPC services on loopback. */
class ResourceManagerTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final WorkerSpec TWO_SLOTS = new WorkerSpec(2, MemorySize.ofMebiBytes(1024));

    private RpcService jobManagerRpc;
    private RpcService taskManagerRpc;
    private ResourceManager resourceManager;
    private ResourceManagerGateway gateway;
    private final RecordingDriver driver = new RecordingDriver();
    private final MetricRegistry metrics = new MetricRegistry();

    static RpcService startRpc() {
        Configuration config = new Configuration()
                .set(RpcOptions.CLUSTER_SECRET, "resource-manager-test")
                .set(RpcOptions.ASK_TIMEOUT, Duration.ofSeconds(5));
        return RpcService.builder(config).registerTypes(ProtocolTypes.all()).start();
    }

    @BeforeEach
    void start() throws Exception {
        jobManagerRpc = startRpc();
        taskManagerRpc = startRpc();
        resourceManager = new ResourceManager(jobManagerRpc, ResourceID.of("jobmanager"),
                new HeartbeatSettings(Duration.ofMillis(100), Duration.ofMillis(2000)), TWO_SLOTS, driver,
                metrics.group("jobmanager", Map.of("host", "127.0.0.1")));
        resourceManager.start();
        gateway = taskManagerRpc.connect(resourceManager.getAddress(), ResourceManagerGateway.class)
                .get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        taskManagerRpc.closeAsync().get(30, TimeUnit.SECONDS);
        jobManagerRpc.closeAsync().get(30, TimeUnit.SECONDS);
    }

    private FakeTaskExecutor registeredTaskExecutor(String id) throws Exception {
        FakeTaskExecutor taskExecutor = new FakeTaskExecutor(taskManagerRpc, id, 2);
        taskExecutor.start();
        RegistrationResponse response = taskExecutor.registerAt(resourceManager.getAddress());
        assertTrue(response.accepted(), String.valueOf(response.rejectionReason()));
        return taskExecutor;
    }

    private FakeJobMaster registeredJobMaster(JobID jobId) throws Exception {
        FakeJobMaster jobMaster = new FakeJobMaster(jobManagerRpc, JobMasterId.generate());
        jobMaster.start();
        assertTrue(gateway.registerJobMaster(jobId, jobMaster.getAddress(), jobMaster.getFencingToken())
                .get(10, TimeUnit.SECONDS).accepted());
        return jobMaster;
    }

    private Map<ResourceID, Integer> freeSlotsPerTaskManager() throws Exception {
        return gateway.requestTaskManagerInfos().get(10, TimeUnit.SECONDS).stream()
                .collect(Collectors.toMap(TaskManagerInfo::id, TaskManagerInfo::slotsFree));
    }

    @Test
    void registeredTaskManagersAndTheirSlotsAreListed() throws Exception {
        FakeTaskExecutor first = registeredTaskExecutor("tm-1");
        FakeTaskExecutor second = registeredTaskExecutor("tm-2");

        List<TaskManagerInfo> infos = gateway.requestTaskManagerInfos().get(10, TimeUnit.SECONDS);

        assertEquals(List.of(first.id(), second.id()), infos.stream().map(TaskManagerInfo::id).toList());
        TaskManagerInfo info = infos.get(0);
        assertEquals(first.getAddress(), info.address());
        assertEquals(2, info.slotsTotal());
        assertEquals(2, info.slotsFree());
        assertTrue(info.lastHeartbeatEpochMillis() <= System.currentTimeMillis());
    }

    @Test
    void itsMetricsCountTheRegisteredTaskManagersAndTheirFreeSlots() throws Exception {
        assertEquals(Map.of("numRegisteredTaskManagers", 0.0, "taskSlotsTotal", 0.0, "taskSlotsAvailable", 0.0),
                clusterMetrics());
        registeredTaskExecutor("tm-1");
        registeredTaskExecutor("tm-2");
        JobID job = JobID.generate();
        registeredJobMaster(job);

        gateway.declareRequiredSlots(job, 3).get(10, TimeUnit.SECONDS);

        await().atMost(WAIT).until(() -> clusterMetrics().equals(Map.of("numRegisteredTaskManagers", 2.0,
                "taskSlotsTotal", 4.0, "taskSlotsAvailable", 1.0)));
    }

    /** The ResourceManager's metrics by name. */
    private Map<String, Double> clusterMetrics() {
        return metrics.snapshot().stream().collect(Collectors.toMap(MetricValue::name, MetricValue::value));
    }

    @Test
    void declaredDemandMakesTaskManagersOfferSlotsToTheJobMaster() throws Exception {
        FakeTaskExecutor first = registeredTaskExecutor("tm-1");
        FakeTaskExecutor second = registeredTaskExecutor("tm-2");
        JobID job = JobID.generate();
        FakeJobMaster jobMaster = registeredJobMaster(job);

        gateway.declareRequiredSlots(job, 3).get(10, TimeUnit.SECONDS);

        await().atMost(WAIT).until(() -> first.slotRequests.size() + second.slotRequests.size() == 3);
        List<FakeTaskExecutor.SlotRequest> requests = new CopyOnWriteArrayList<>(first.slotRequests);
        requests.addAll(second.slotRequests);
        assertTrue(requests.stream().allMatch(request -> request.jobId().equals(job)
                && request.jobMasterAddress().equals(jobMaster.getAddress())
                && request.jobMasterId().equals(jobMaster.getFencingToken())), requests.toString());
        assertEquals(3, requests.stream().map(FakeTaskExecutor.SlotRequest::allocationId).distinct().count());
        await().atMost(WAIT).until(() -> freeSlotsPerTaskManager().values().stream().mapToInt(i -> i).sum() == 1);
        await().atMost(WAIT).until(() -> driver.lastIs(new WorkerDemand(2, TWO_SLOTS,
                Set.of(first.id(), second.id()), Set.of())));
        assertEquals(0, driver.last().shortfall(), "four slots cover a demand of three");
    }

    @Test
    void silentTaskManagerIsDeclaredLostAndItsJobMasterTold() throws Exception {
        FakeTaskExecutor healthy = registeredTaskExecutor("tm-1");
        FakeTaskExecutor silent = registeredTaskExecutor("tm-2");
        JobID job = JobID.generate();
        FakeJobMaster jobMaster = registeredJobMaster(job);
        gateway.declareRequiredSlots(job, 4).get(10, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> healthy.slotRequests.size() == 2 && silent.slotRequests.size() == 2);

        silent.fallSilent();

        await().atMost(WAIT).until(() -> !freeSlotsPerTaskManager().containsKey(silent.id()));
        await().atMost(WAIT).until(() -> jobMaster.lostTaskManagers.contains(silent.id()));
        await().atMost(WAIT).until(() -> !silent.resourceManagerDisconnects.isEmpty());
        assertTrue(silent.resourceManagerDisconnects.get(0).contains("tm-2 sent no heartbeat for 2000 ms"),
                silent.resourceManagerDisconnects.get(0));
        assertEquals(List.of("tm-2"), driver.released);
        assertFalse(jobMaster.lostTaskManagers.contains(healthy.id()));
        await().atMost(WAIT).until(() -> driver.lastIs(new WorkerDemand(2, TWO_SLOTS, Set.of(healthy.id()),
                Set.of())));
        assertTrue(freeSlotsPerTaskManager().containsKey(healthy.id()), "the healthy TaskManager stays");
    }

    @Test
    void driverHearsHowManyWorkersTheDemandNeedsAndWhichAreIdle() throws Exception {
        FakeTaskExecutor first = registeredTaskExecutor("tm-1");
        await().atMost(WAIT).until(() -> driver.lastIs(new WorkerDemand(0, TWO_SLOTS, Set.of(first.id()),
                Set.of(first.id()))));
        JobID job = JobID.generate();
        registeredJobMaster(job);

        gateway.declareRequiredSlots(job, 7).get(10, TimeUnit.SECONDS);

        await().atMost(WAIT).until(() -> driver.lastIs(new WorkerDemand(4, TWO_SLOTS, Set.of(first.id()),
                Set.of())));
        assertEquals(3, driver.last().shortfall());
        FakeTaskExecutor arriving = registeredTaskExecutor("tm-2");
        await().atMost(WAIT).until(() -> arriving.slotRequests.size() == 2);
        await().atMost(WAIT).until(() -> driver.lastIs(new WorkerDemand(4, TWO_SLOTS,
                Set.of(first.id(), arriving.id()), Set.of())));
    }

    @Test
    void endingAJobFreesItsSlotsOnEveryTaskManager() throws Exception {
        FakeTaskExecutor first = registeredTaskExecutor("tm-1");
        FakeTaskExecutor second = registeredTaskExecutor("tm-2");
        JobID job = JobID.generate();
        registeredJobMaster(job);
        gateway.declareRequiredSlots(job, 4).get(10, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> freeSlotsPerTaskManager().values().stream().mapToInt(i -> i).sum() == 0);

        gateway.unregisterJobMaster(job, "job finished");

        await().atMost(WAIT).until(() -> first.jobMasterDisconnects.contains(job)
                && second.jobMasterDisconnects.contains(job));
        await().atMost(WAIT).until(() -> freeSlotsPerTaskManager().equals(Map.of(first.id(), 2, second.id(), 2)));
    }

    @Test
    void aFailedWorkerRequestFailsTheSlotRequestsOfJobsStillShortOfSlots() throws Exception {
        FakeTaskExecutor only = registeredTaskExecutor("tm-1");
        JobID served = JobID.generate();
        FakeJobMaster servedJobMaster = registeredJobMaster(served);
        gateway.declareRequiredSlots(served, 2).get(10, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> only.slotRequests.size() == 2);
        JobID waiting = JobID.generate();
        FakeJobMaster waitingJobMaster = registeredJobMaster(waiting);
        gateway.declareRequiredSlots(waiting, 1).get(10, TimeUnit.SECONDS);

        driver.events.workerRequestFailed(1, "service account 'flink' may not create pods");

        await().atMost(WAIT).until(() -> !waitingJobMaster.slotRequestFailures.isEmpty());
        assertEquals(List.of("service account 'flink' may not create pods"), waitingJobMaster.slotRequestFailures);
        assertEquals(List.of(), servedJobMaster.slotRequestFailures);
    }

    @Test
    void whyWorkersAreMissingIsTheDriversAnswer() throws Exception {
        assertNull(gateway.requestMissingWorkersReason().get(10, TimeUnit.SECONDS));

        driver.missingWorkers = Optional.of("1 TaskManager pod(s) are Pending");

        assertEquals("1 TaskManager pod(s) are Pending", gateway.requestMissingWorkersReason()
                .get(10, TimeUnit.SECONDS));
    }

    @Test
    void taskManagerTheDriverDoesNotKnowIsRefused() throws Exception {
        driver.refuse = "no pod named tm-x was created by this cluster";
        FakeTaskExecutor stranger = new FakeTaskExecutor(taskManagerRpc, "tm-x", 2);
        stranger.start();

        RegistrationResponse response = stranger.registerAt(resourceManager.getAddress());

        assertFalse(response.accepted());
        assertEquals("no pod named tm-x was created by this cluster", response.rejectionReason());
        assertEquals(Map.of(), freeSlotsPerTaskManager());
    }

    @Test
    void demandFromAnUnregisteredJobIsRefused() {
        ExecutionException error = assertThrows(ExecutionException.class,
                () -> gateway.declareRequiredSlots(JobID.generate(), 1).get(10, TimeUnit.SECONDS));
        assertTrue(error.getCause().getMessage().contains("has no registered JobMaster"),
                error.getCause().getMessage());
    }

    /** Records what the ResourceManager asked of its driver. */
    static final class RecordingDriver implements ResourceManagerDriver {

        final List<WorkerDemand> demands = new CopyOnWriteArrayList<>();
        final List<String> released = new CopyOnWriteArrayList<>();
        volatile String refuse;
        volatile Optional<String> missingWorkers = Optional.empty();
        volatile WorkerEvents events;

        @Override
        public void start(WorkerEvents workerEvents) {
            this.events = workerEvents;
        }

        @Override
        public void reconcile(WorkerDemand demand) {
            demands.add(demand);
        }

        boolean lastIs(WorkerDemand expected) {
            return expected.equals(last());
        }

        WorkerDemand last() {
            return demands.isEmpty() ? null : demands.get(demands.size() - 1);
        }

        @Override
        public void releaseWorker(ResourceID workerId, String reason) {
            released.add(workerId.value());
        }

        @Override
        public String refusalReasonFor(ResourceID workerId) {
            return refuse;
        }

        @Override
        public Optional<String> missingWorkersReason() {
            return missingWorkers;
        }

        @Override
        public void close() {
        }
    }
}
