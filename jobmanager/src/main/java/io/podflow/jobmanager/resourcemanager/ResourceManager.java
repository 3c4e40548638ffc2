package io.podflow.jobmanager.resourcemanager;

import io.podflow.common.metrics.MetricGroup;
import io.podflow.common.metrics.MetricRegistry;
import io.podflow.protocol.AllocationID;
import io.podflow.protocol.JobMasterGateway;
import io.podflow.protocol.JobMasterId;
import io.podflow.protocol.RegistrationResponse;
import io.podflow.protocol.ResourceID;
import io.podflow.protocol.ResourceManagerGateway;
import io.podflow.protocol.SlotID;
import io.podflow.protocol.SlotReport;
import io.podflow.protocol.TaskExecutorGateway;
import io.podflow.protocol.TaskExecutorRegistration;
import io.podflow.protocol.TaskManagerInfo;
import io.podflow.protocol.TaskManagerLocation;
import io.podflow.protocol.heartbeat.HeartbeatMonitor;
import io.podflow.protocol.heartbeat.HeartbeatSettings;
import io.podflow.protocol.job.JobID;
import io.podflow.rpc.RpcEndpoint;
import io.podflow.rpc.RpcService;
import io.podflow.rpc.ScheduledRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Owns the cluster's TaskManagers and slots: registers TaskExecutors (if the driver accepts them), keeps the
 * {@link SlotManager}, and on every event and every heartbeat tick reconciles: free slots go to jobs that
 * declared demand (the TaskExecutor is told to offer the slot to the job's JobMaster), and the
 * {@link ResourceManagerDriver} hears how many workers the demand needs in total. A TaskExecutor silent for
 * {@code heartbeat.timeout} is declared lost: its slots are gone and the JobMasters using them are told.
 */
public final class ResourceManager extends RpcEndpoint implements ResourceManagerGateway {

    private static final Logger LOG = LoggerFactory.getLogger(ResourceManager.class);

    private final ResourceID resourceId;
    private final UUID instanceId = UUID.randomUUID();
    private final HeartbeatSettings heartbeats;
    private final ResourceManagerDriver driver;
    private final WorkerSpec workerSpec;
    private final SlotManager slotManager;
    private final HeartbeatMonitor<ResourceID> taskExecutorHeartbeats;
    private final ResourceManagerMetrics metrics;
    private final Map<ResourceID, RegisteredTaskExecutor> taskExecutors = new LinkedHashMap<>();
    private final Map<JobID, RegisteredJobMaster> jobMasters = new LinkedHashMap<>();
    private ScheduledRun nextTick;

    private record RegisteredTaskExecutor(TaskManagerLocation location, int slots, TaskExecutorGateway gateway) {
    }

    private record RegisteredJobMaster(String address, JobMasterId jobMasterId, JobMasterGateway gateway) {
    }

    /** A ResourceManager whose metrics no reporter sees. */
    public ResourceManager(RpcService rpcService, ResourceID resourceId, HeartbeatSettings heartbeats,
            WorkerSpec workerSpec, ResourceManagerDriver driver) {
        this(rpcService, resourceId, heartbeats, workerSpec, driver,
                new MetricRegistry().group("jobmanager", Map.of()));
    }

    /** @param metrics the JobManager's group, where the counts of TaskManagers and slots go */
    public ResourceManager(RpcService rpcService, ResourceID resourceId, HeartbeatSettings heartbeats,
            WorkerSpec workerSpec, ResourceManagerDriver driver, MetricGroup metrics) {
        super(rpcService, ENDPOINT_NAME);
        this.resourceId = resourceId;
        this.heartbeats = heartbeats;
        this.driver = driver;
        this.workerSpec = workerSpec;
        this.slotManager = new SlotManager(workerSpec.slots());
        this.taskExecutorHeartbeats = new HeartbeatMonitor<>(heartbeats.timeout());
        this.metrics = new ResourceManagerMetrics(metrics);
        this.metrics.publish(0, slotManager);
    }

    @Override
    protected void onStart() {
        driver.start(new MainThreadWorkerEvents());
        scheduleTick();
        LOG.info("ResourceManager {} started at {}", resourceId, getAddress());
    }

    @Override
    protected CompletableFuture<Void> onStop() {
        if (nextTick != null) {
            nextTick.cancel();
        }
        driver.close();
        return CompletableFuture.completedFuture(null);
    }

    // ---- TaskExecutors

    @Override
    public CompletableFuture<RegistrationResponse> registerTaskExecutor(TaskExecutorRegistration registration) {
        ResourceID id = registration.resourceId();
        String refusal = driver.refusalReasonFor(id);
        if (refusal != null) {
            LOG.warn("Refused registration of TaskManager {} from {}: {}", id, registration.location().rpcAddress(),
                    refusal);
            return CompletableFuture.completedFuture(RegistrationResponse.rejected(refusal));
        }
        return getRpcService().connect(registration.location().rpcAddress(), TaskExecutorGateway.class)
                .thenApplyAsync(gateway -> accept(registration, gateway), getMainThreadExecutor())
                .exceptionally(error -> RegistrationResponse.rejected("the ResourceManager cannot reach the "
                        + "TaskExecutor at " + registration.location().rpcAddress() + ": " + rootMessage(error)));
    }

    private RegistrationResponse accept(TaskExecutorRegistration registration, TaskExecutorGateway gateway) {
        ResourceID id = registration.resourceId();
        boolean known = taskExecutors.containsKey(id);
        taskExecutors.put(id, new RegisteredTaskExecutor(registration.location(), registration.numberOfSlots(),
                gateway));
        List<SlotAllocation> lost = slotManager.registerTaskManager(id, registration.numberOfSlots(),
                registration.slotReport());
        notifyJobMastersOfLostSlots(id, lost, "TaskManager " + id + " re-registered without these slots");
        taskExecutorHeartbeats.monitor(id, System.nanoTime());
        LOG.info("TaskManager {} registered from {} with {} slot(s){}", id, registration.location().rpcAddress(),
                registration.numberOfSlots(), known ? " (again)" : "");
        reconcile();
        return RegistrationResponse.success(instanceId, resourceId);
    }

    @Override
    public void disconnectTaskExecutor(ResourceID id, String reason) {
        if (taskExecutors.containsKey(id)) {
            removeTaskExecutor(id, "TaskManager " + id + " disconnected: " + reason);
            reconcile();
        }
    }

    @Override
    public void heartbeatFromTaskExecutor(ResourceID id, SlotReport slotReport) {
        if (taskExecutorHeartbeats.heardFrom(id, System.nanoTime())) {
            slotManager.reportSlots(id, slotReport);
        }
    }

    @Override
    public void notifySlotFreed(SlotID slotId, AllocationID allocationId) {
        slotManager.slotFreed(slotId, allocationId);
        reconcile();
    }

    // ---- JobMasters

    @Override
    public CompletableFuture<RegistrationResponse> registerJobMaster(JobID jobId, String jobMasterAddress,
            JobMasterId jobMasterId) {
        return getRpcService().connect(jobMasterAddress, jobMasterId, JobMasterGateway.class)
                .thenApplyAsync(gateway -> {
                    jobMasters.put(jobId, new RegisteredJobMaster(jobMasterAddress, jobMasterId, gateway));
                    LOG.info("JobMaster of job {} registered from {}", jobId, jobMasterAddress);
                    reconcile();
                    return RegistrationResponse.success(instanceId, resourceId);
                }, getMainThreadExecutor())
                .exceptionally(error -> RegistrationResponse.rejected("the ResourceManager cannot reach the "
                        + "JobMaster at " + jobMasterAddress + ": " + rootMessage(error)));
    }

    @Override
    public void unregisterJobMaster(JobID jobId, String reason) {
        if (jobMasters.remove(jobId) == null) {
            return;
        }
        Set<ResourceID> holding = new LinkedHashSet<>();
        for (SlotAllocation released : slotManager.releaseJob(jobId)) {
            holding.add(released.slotId().resourceId());
        }
        for (ResourceID id : holding) {
            taskExecutors.get(id).gateway().disconnectJobMaster(jobId, reason);
        }
        LOG.info("JobMaster of job {} unregistered ({}); {} TaskManager(s) free its slots", jobId, reason,
                holding.size());
        reconcile();
    }

    @Override
    public CompletableFuture<Void> declareRequiredSlots(JobID jobId, int slotCount) {
        if (!jobMasters.containsKey(jobId)) {
            return CompletableFuture.failedFuture(new IllegalStateException("Job " + jobId + " has no registered "
                    + "JobMaster; register it before declaring slots"));
        }
        slotManager.declareRequiredSlots(jobId, slotCount);
        reconcile();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<String> requestMissingWorkersReason() {
        return CompletableFuture.completedFuture(driver.missingWorkersReason().orElse(null));
    }

    @Override
    public CompletableFuture<List<TaskManagerInfo>> requestTaskManagerInfos() {
        long now = System.nanoTime();
        long wallNow = System.currentTimeMillis();
        List<TaskManagerInfo> infos = new ArrayList<>();
        taskExecutors.forEach((id, registered) -> {
            long silentMillis = Math.max(0, taskExecutorHeartbeats.millisSinceHeard(id, now));
            infos.add(new TaskManagerInfo(id, registered.location().rpcAddress(), registered.location().dataPort(),
                    registered.slots(), slotManager.freeSlotCount(id), wallNow - silentMillis));
        });
        return CompletableFuture.completedFuture(infos);
    }

    // ---- reconciliation and heartbeats

    private void scheduleTick() {
        nextTick = scheduleRunAsync(this::tick, heartbeats.interval());
    }

    private void tick() {
        for (ResourceID lost : taskExecutorHeartbeats.takeTimedOut(System.nanoTime())) {
            RegisteredTaskExecutor registered = taskExecutors.get(lost);
            String reason = "TaskManager " + lost + " sent no heartbeat for " + heartbeats.timeout().toMillis()
                    + " ms";
            LOG.warn("{}; its slots are lost", reason);
            removeTaskExecutor(lost, reason);
            registered.gateway().disconnectResourceManager(reason);
            driver.releaseWorker(lost, reason);
        }
        taskExecutors.values().forEach(registered -> registered.gateway().heartbeatFromResourceManager(resourceId));
        reconcile();
        scheduleTick();
    }

    private void removeTaskExecutor(ResourceID id, String reason) {
        taskExecutors.remove(id);
        taskExecutorHeartbeats.stopMonitoring(id);
        notifyJobMastersOfLostSlots(id, slotManager.unregisterTaskManager(id), reason);
    }

    private void notifyJobMastersOfLostSlots(ResourceID id, List<SlotAllocation> lost, String reason) {
        lost.stream().map(SlotAllocation::jobId).distinct().map(jobMasters::get)
                .filter(jobMaster -> jobMaster != null)
                .forEach(jobMaster -> jobMaster.gateway().disconnectTaskManager(id, reason));
    }

    /** Gives free slots to jobs that need them, then tells the driver how many workers the demand needs. */
    private void reconcile() {
        for (SlotAllocation allocation : slotManager.matchDemand(AllocationID::generate)) {
            RegisteredJobMaster jobMaster = jobMasters.get(allocation.jobId());
            RegisteredTaskExecutor taskExecutor = taskExecutors.get(allocation.slotId().resourceId());
            taskExecutor.gateway().requestSlot(allocation.slotId(), allocation.jobId(), allocation.allocationId(),
                    jobMaster.address(), jobMaster.jobMasterId())
                    .whenCompleteAsync((ack, error) -> {
                        if (error == null) {
                            slotManager.confirmAllocation(allocation.allocationId());
                        } else {
                            LOG.info("TaskManager {} refused slot {} for job {}: {}",
                                    allocation.slotId().resourceId(), allocation.slotId(), allocation.jobId(),
                                    rootMessage(error));
                            slotManager.failAllocation(allocation.allocationId());
                        }
                    }, getMainThreadExecutor());
        }
        driver.reconcile(new WorkerDemand(slotManager.workersWanted(), workerSpec, taskExecutors.keySet(),
                slotManager.idleTaskManagers()));
        metrics.publish(taskExecutors.size(), slotManager);
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /** Hands the driver's reports to the main thread. */
    private final class MainThreadWorkerEvents implements WorkerEvents {

        @Override
        public void workerStarted(ResourceID workerId) {
            runAsync(() -> LOG.info("Worker {} started; waiting for its TaskManager to register", workerId));
        }

        @Override
        public void workerTerminated(ResourceID workerId, String reason) {
            runAsync(() -> {
                if (taskExecutors.containsKey(workerId)) {
                    removeTaskExecutor(workerId, "worker " + workerId + " terminated: " + reason);
                }
                reconcile();
            });
        }

        @Override
        public void workerRequestFailed(int count, String reason) {
            runAsync(() -> {
                LOG.error("Cannot start {} TaskManager(s) for the declared slot demand: {}", count, reason);
                for (JobID jobId : slotManager.jobsShortOfSlots()) {
                    jobMasters.get(jobId).gateway().failSlotRequests(reason);
                }
            });
        }
    }
}
