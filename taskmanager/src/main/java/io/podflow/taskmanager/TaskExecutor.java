package io.podflow.taskmanager;

import io.podflow.common.metrics.MetricGroup;
import io.podflow.common.metrics.MetricRegistry;
import io.podflow.common.metrics.PublishedGauge;
import io.podflow.protocol.AllocationID;
import io.podflow.protocol.ExecutionState;
import io.podflow.protocol.JobMasterGateway;
import io.podflow.protocol.JobMasterId;
import io.podflow.protocol.RegistrationResponse;
import io.podflow.protocol.ResourceID;
import io.podflow.protocol.ResourceManagerGateway;
import io.podflow.protocol.SlotID;
import io.podflow.protocol.SlotOffer;
import io.podflow.protocol.TaskExecutionState;
import io.podflow.protocol.TaskExecutorGateway;
import io.podflow.protocol.TaskExecutorRegistration;
import io.podflow.protocol.TaskManagerLocation;
import io.podflow.protocol.deployment.TaskDeploymentDescriptor;
import io.podflow.protocol.heartbeat.HeartbeatMonitor;
import io.podflow.protocol.job.ExecutionAttemptID;
import io.podflow.protocol.job.JobID;
import io.podflow.protocol.job.TaskLoad;
import io.podflow.rpc.RpcEndpoint;
import io.podflow.rpc.RpcHandshakeException;
import io.podflow.rpc.RpcService;
import io.podflow.rpc.ScheduledRun;
import io.podflow.taskmanager.classloading.JarProvider;
import io.podflow.taskmanager.classloading.JobClassLoaders;
import io.podflow.taskmanager.exchange.DataExchange;
import io.podflow.taskmanager.slot.SlotTable;
import io.podflow.taskmanager.task.Task;
import io.podflow.taskmanager.task.TaskMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The TaskManager's RPC endpoint: registers with the ResourceManager (retrying with backoff, and again whenever
 * the ResourceManager is lost), keeps the slot table, offers slots to JobMasters when the ResourceManager
 * allocates them, runs deployed subtasks as {@link Task}s and reports their states to the JobMaster, and
 * answers heartbeats of the ResourceManager and of JobMasters.
 */
public final class TaskExecutor extends RpcEndpoint implements TaskExecutorGateway {

    private static final Logger LOG = LoggerFactory.getLogger(TaskExecutor.class);

    private final TaskExecutorSettings settings;
    private final TaskManagerLocation location;
    private final SlotTable slots;
    private final JobClassLoaders classLoaders;
    private final DataExchange exchange;
    private final FatalErrorHandler fatalErrors;
    private final RegistrationBackoff backoff;
    private final HeartbeatMonitor<ResourceID> resourceManagerHeartbeat;
    private final HeartbeatMonitor<JobID> jobMasterHeartbeats;
    private final Map<JobID, JobMasterConnection> jobMasters = new HashMap<>();
    private final Map<ExecutionAttemptID, Task> tasks = new HashMap<>();
    private final MetricGroup metrics;
    private final PublishedGauge slotsAvailable;

    private ResourceManagerGateway resourceManager;
    private int registrationAttempt;
    private String lastRegistrationProblem;
    private ScheduledRun nextTick;

    /** A TaskExecutor whose metrics no reporter sees. */
    public TaskExecutor(RpcService rpcService, TaskExecutorSettings settings, JarProvider jars, DataExchange exchange,
            FatalErrorHandler fatalErrors) {
        this(rpcService, settings, jars, exchange, fatalErrors, new MetricRegistry().group("taskmanager", Map.of()));
    }

    /** @param metrics the TaskManager's group: its slots and every task attempt's metrics go there */
    public TaskExecutor(RpcService rpcService, TaskExecutorSettings settings, JarProvider jars, DataExchange exchange,
            FatalErrorHandler fatalErrors, MetricGroup metrics) {
        super(rpcService, ENDPOINT_NAME);
        this.settings = settings;
        this.location = new TaskManagerLocation(settings.resourceId(), getAddress(), settings.dataHost(),
                settings.dataPort());
        this.slots = new SlotTable(settings.resourceId(), settings.numberOfSlots());
        this.classLoaders = new JobClassLoaders(jars, TaskExecutor.class.getClassLoader());
        this.exchange = exchange;
        this.fatalErrors = fatalErrors;
        this.backoff = new RegistrationBackoff(settings.registrationInitialBackoff(),
                settings.registrationMaxBackoff());
        this.resourceManagerHeartbeat = new HeartbeatMonitor<>(settings.heartbeats().timeout());
        this.jobMasterHeartbeats = new HeartbeatMonitor<>(settings.heartbeats().timeout());
        this.metrics = metrics;
        metrics.publishedGauge("taskSlotsTotal").set(slots.size());
        this.slotsAvailable = metrics.publishedGauge("taskSlotsAvailable");
        slotsAvailable.set(slots.freeCount());
    }

    public TaskManagerLocation location() {
        return location;
    }

    @Override
    protected void onStart() {
        LOG.info("TaskManager {} with {} slot(s) starting at {}", settings.resourceId(), slots.size(), getAddress());
        registerWithResourceManager();
        scheduleTick();
    }

    @Override
    protected CompletableFuture<Void> onStop() {
        if (nextTick != null) {
            nextTick.cancel();
        }
        tasks.values().forEach(Task::cancel);
        if (resourceManager != null) {
            resourceManager.disconnectTaskExecutor(settings.resourceId(), "the TaskManager is shutting down");
        }
        return CompletableFuture.completedFuture(null);
    }

    // ---- ResourceManager registration

    private void registerWithResourceManager() {
        int attempt = ++registrationAttempt;
        TaskExecutorRegistration registration = new TaskExecutorRegistration(location, slots.size(),
                slots.report());
        String address = settings.resourceManagerAddress();
        getRpcService().connect(address, ResourceManagerGateway.class)
                .thenCompose(gateway -> gateway.registerTaskExecutor(registration)
                        .thenApply(response -> new RegistrationOutcome(gateway, response)))
                .whenCompleteAsync((outcome, error) -> {
                    if (attempt == registrationAttempt && resourceManager == null) {
                        onRegistrationOutcome(outcome, error);
                    }
                }, getMainThreadExecutor());
    }

    private record RegistrationOutcome(ResourceManagerGateway gateway, RegistrationResponse response) {
    }

    private void onRegistrationOutcome(RegistrationOutcome outcome, Throwable error) {
        String address = settings.resourceManagerAddress();
        if (error == null && outcome.response().accepted()) {
            resourceManager = outcome.gateway();
            lastRegistrationProblem = null;
            backoff.reset();
            resourceManagerHeartbeat.monitor(outcome.response().resourceManagerId(), System.nanoTime());
            LOG.info("TaskManager {} registered with the ResourceManager at {}", settings.resourceId(), address);
            return;
        }
        Duration pause = backoff.nextPause();
        if (error != null) {
            Throwable cause = rootCause(error);
            lastRegistrationProblem = "Cannot register with the ResourceManager at " + address + ": "
                    + cause.getMessage() + (cause instanceof RpcHandshakeException
                    ? " (check that cluster.secret is the JobManager's)" : "");
        } else {
            lastRegistrationProblem = "The ResourceManager at " + address + " refused TaskManager "
                    + settings.resourceId() + ": " + outcome.response().rejectionReason();
        }
        LOG.warn("{}; trying again in {} ms", lastRegistrationProblem, pause.toMillis());
        scheduleRunAsync(() -> {
            if (resourceManager == null) {
                registerWithResourceManager();
            }
        }, pause);
    }

    /** Why the last registration attempt failed, or null if the last one succeeded; main thread only. */
    String lastRegistrationProblem() {
        return lastRegistrationProblem;
    }

    private void resourceManagerLost(String reason) {
        LOG.warn("Lost the ResourceManager: {}; registering again", reason);
        resourceManager = null;
        resourceManagerHeartbeat.peers().forEach(resourceManagerHeartbeat::stopMonitoring);
        registerWithResourceManager();
    }

    @Override
    public void disconnectResourceManager(String reason) {
        if (resourceManager != null) {
            resourceManagerLost("it disconnected this TaskManager (" + reason + ")");
        }
    }

    @Override
    public void heartbeatFromResourceManager(ResourceID resourceManagerId) {
        if (resourceManager != null && resourceManagerHeartbeat.heardFrom(resourceManagerId, System.nanoTime())) {
            resourceManager.heartbeatFromTaskExecutor(settings.resourceId(), slots.report());
        }
    }

    // ---- slots and JobMasters

    @Override
    public CompletableFuture<Void> requestSlot(SlotID slotId, JobID jobId, AllocationID allocationId,
            String jobMasterAddress, JobMasterId jobMasterId) {
        if (!slotId.resourceId().equals(settings.resourceId())) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("Slot " + slotId
                    + " is not a slot of TaskManager " + settings.resourceId()));
        }
        SlotTable.AllocatedSlot slot;
        try {
            slot = slots.allocate(slotId.slotIndex(), jobId, allocationId, jobMasterAddress, jobMasterId);
        } catch (RuntimeException refused) {
            return CompletableFuture.failedFuture(refused);
        }
        slotsAvailable.set(slots.freeCount());
        JobMasterConnection jobMaster = connectJobMaster(jobId, jobMasterAddress, jobMasterId);
        jobMaster.gateway()
                .thenCompose(gateway -> gateway.offerSlots(location,
                        List.of(new SlotOffer(allocationId, slot.index()))))
                .whenCompleteAsync((accepted, error) -> {
                    boolean taken = error == null && accepted.stream()
                            .anyMatch(offer -> offer.allocationId().equals(allocationId));
                    if (!taken) {
                        LOG.info("JobMaster of job {} did not take slot {}: {}", jobId, slotId,
                                error == null ? "offer declined" : rootCause(error).getMessage());
                        releaseSlot(allocationId);
                    }
                }, getMainThreadExecutor());
        return CompletableFuture.completedFuture(null);
    }

    private JobMasterConnection connectJobMaster(JobID jobId, String address, JobMasterId jobMasterId) {
        JobMasterConnection existing = jobMasters.get(jobId);
        if (existing != null && existing.isFor(address, jobMasterId)) {
            return existing;
        }
        JobMasterConnection connection = new JobMasterConnection(address, jobMasterId,
                getRpcService().connect(address, jobMasterId, JobMasterGateway.class));
        jobMasters.put(jobId, connection);
        jobMasterHeartbeats.monitor(jobId, System.nanoTime());
        return connection;
    }

    @Override
    public CompletableFuture<Void> freeSlot(AllocationID allocationId, String cause) {
        slots.find(allocationId).ifPresent(slot -> {
            LOG.info("Freeing slot {} of job {}: {}", slot.index(), slot.jobId(), cause);
            releaseSlot(allocationId);
        });
        return CompletableFuture.completedFuture(null);
    }

    /** Cancels what runs in the slot, frees it, and tells the ResourceManager it is free. */
    private void releaseSlot(AllocationID allocationId) {
        tasks.values().stream().filter(task -> task.deployment().allocationId().equals(allocationId))
                .forEach(Task::cancel);
        slots.free(allocationId).ifPresent(slot -> {
            slotsAvailable.set(slots.freeCount());
            if (resourceManager != null) {
                resourceManager.notifySlotFreed(slots.slotId(slot.index()), allocationId);
            }
            if (slots.slotsOf(slot.jobId()).isEmpty()) {
                classLoaders.release(slot.jobId());
                exchange.resetJob(slot.jobId());
            }
        });
    }

    @Override
    public void heartbeatFromJobMaster(JobID jobId) {
        JobMasterConnection jobMaster = jobMasters.get(jobId);
        if (jobMaster != null && jobMasterHeartbeats.heardFrom(jobId, System.nanoTime())) {
            List<TaskLoad> loads = tasks.values().stream().map(Task::deployment)
                    .filter(deployment -> deployment.jobId().equals(jobId))
                    .flatMap(deployment -> exchange.sampleLoad(deployment.attemptId()).stream()).toList();
            loads.forEach(load -> tasks.get(load.attemptId()).metrics().publish(load));
            jobMaster.gateway().thenAccept(gateway -> gateway.heartbeatFromTaskManager(settings.resourceId(), loads));
        }
    }

    @Override
    public void disconnectJobMaster(JobID jobId, String reason) {
        if (jobMasters.containsKey(jobId) || !slots.slotsOf(jobId).isEmpty()) {
            LOG.info("Leaving job {}: {}", jobId, reason);
            jobMasters.remove(jobId);
            jobMasterHeartbeats.stopMonitoring(jobId);
            slots.slotsOf(jobId).forEach(slot -> releaseSlot(slot.allocationId()));
        }
    }

    // ---- tasks

    @Override
    public CompletableFuture<Void> submitTask(TaskDeploymentDescriptor deployment, JobMasterId jobMasterId) {
        SlotTable.AllocatedSlot slot = slots.find(deployment.allocationId()).orElse(null);
        if (slot == null || !slot.jobId().equals(deployment.jobId()) || !slot.jobMasterId().equals(jobMasterId)) {
            return CompletableFuture.failedFuture(new IllegalStateException("TaskManager " + settings.resourceId()
                    + " holds no slot under allocation " + deployment.allocationId() + " for job "
                    + deployment.jobId() + " and this JobMaster; cannot deploy " + deployment.subtaskName()));
        }
        if (tasks.containsKey(deployment.attemptId())) {
            return CompletableFuture.failedFuture(new IllegalStateException("Attempt " + deployment.attemptId()
                    + " (" + deployment.subtaskName() + ") is already running here"));
        }
        Task task = new Task(deployment, classLoaders, exchange, state -> runAsync(() -> onTaskState(state)),
                settings.cancellationTimeout(), fatalErrors, TaskMetrics.of(metrics, deployment));
        tasks.put(deployment.attemptId(), task);
        task.start();
        LOG.info("Deployed {} (attempt {}) into slot {}", deployment.subtaskName(), deployment.attemptId(),
                slot.index());
        return CompletableFuture.completedFuture(null);
    }

    private void onTaskState(TaskExecutionState state) {
        if (state.state().isTerminal()) {
            Task ended = tasks.remove(state.attemptId());
            if (ended != null) {
                ended.metrics().close();
            }
        }
        if (state.state() == ExecutionState.FAILED || state.state() == ExecutionState.CANCELED) {
            // the job will be restarted or ended; what this attempt's peers left in the channels must not reach
            // the next attempt, and the JobMaster redeploys only after hearing this
            exchange.resetJob(state.jobId());
        }
        JobMasterConnection jobMaster = jobMasters.get(state.jobId());
        if (jobMaster == null) {
            return;
        }
        jobMaster.gateway().thenCompose(gateway -> gateway.updateTaskExecutionState(state))
                .whenComplete((ack, error) -> {
                    if (error != null) {
                        LOG.warn("Could not tell the JobMaster of job {} that attempt {} is {}: {}", state.jobId(),
                                state.attemptId(), state.state(), rootCause(error).getMessage());
                    }
                });
    }

    @Override
    public CompletableFuture<Void> cancelTask(ExecutionAttemptID attemptId) {
        Task task = tasks.get(attemptId);
        if (task == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("No attempt " + attemptId
                    + " runs on TaskManager " + settings.resourceId()));
        }
        task.cancel();
        return CompletableFuture.completedFuture(null);
    }

    // ---- heartbeat tick

    private void scheduleTick() {
        nextTick = scheduleRunAsync(this::tick, settings.heartbeats().interval());
    }

    private void tick() {
        long now = System.nanoTime();
        if (resourceManager != null && !resourceManagerHeartbeat.takeTimedOut(now).isEmpty()) {
            resourceManagerLost("no heartbeat for " + settings.heartbeats().timeout().toMillis() + " ms");
        }
        for (JobID silent : jobMasterHeartbeats.takeTimedOut(now)) {
            disconnectJobMaster(silent, "its JobMaster sent no heartbeat for "
                    + settings.heartbeats().timeout().toMillis() + " ms");
        }
        scheduleTick();
    }

    private static Throwable rootCause(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
