package io.podflow.jobmanager.jobmaster;

import io.podflow.protocol.AllocationID;
import io.podflow.protocol.ExecutionState;
import io.podflow.protocol.JobMasterGateway;
import io.podflow.protocol.JobMasterId;
import io.podflow.protocol.ResourceID;
import io.podflow.protocol.ResourceManagerGateway;
import io.podflow.protocol.SlotID;
import io.podflow.protocol.SlotOffer;
import io.podflow.protocol.SlotReport;
import io.podflow.protocol.SlotStatus;
import io.podflow.protocol.TaskExecutionState;
import io.podflow.protocol.TaskExecutorGateway;
import io.podflow.protocol.TaskExecutorRegistration;
import io.podflow.protocol.TaskManagerLocation;
import io.podflow.protocol.deployment.TaskDeploymentDescriptor;
import io.podflow.protocol.job.ExecutionAttemptID;
import io.podflow.protocol.job.JobID;
import io.podflow.protocol.job.TaskLoad;
import io.podflow.rpc.RpcEndpoint;
import io.podflow.rpc.RpcService;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

/**
 * A TaskExecutor that runs no user code: it registers its slots with the ResourceManager, offers the slots it is
 * given to the JobMaster, and plays each deployed task through a {@link TaskScript}, reporting every state.
 */
public final class FakeTaskExecutor extends RpcEndpoint implements TaskExecutorGateway {

    private final TaskManagerLocation location;
    private final int numberOfSlots;
    private final String resourceManagerAddress;
    private final TaskScript script;
    private final Map<Integer, AllocationID> allocatedSlots = new HashMap<>();
    private final Map<ExecutionAttemptID, JobID> runningTasks = new HashMap<>();
    private final Map<AllocationID, JobID> slotsOfJob = new HashMap<>();
    private final Map<JobID, CompletableFuture<JobMasterGateway>> jobMasters = new HashMap<>();
    private final List<TaskDeploymentDescriptor> deployments = new CopyOnWriteArrayList<>();
    private CompletableFuture<ResourceManagerGateway> resourceManager;
    private volatile boolean silent;

    public FakeTaskExecutor(RpcService rpcService, String resourceId, int numberOfSlots, String resourceManagerAddress,
            TaskScript script) {
        super(rpcService, resourceId);
        this.location = new TaskManagerLocation(ResourceID.of(resourceId), getAddress(), "127.0.0.1", 0);
        this.numberOfSlots = numberOfSlots;
        this.resourceManagerAddress = resourceManagerAddress;
        this.script = script;
    }

    @Override
    protected void onStart() {
        resourceManager = getRpcService().connect(resourceManagerAddress, ResourceManagerGateway.class);
        resourceManager.thenAccept(rm -> rm.registerTaskExecutor(
                new TaskExecutorRegistration(location, numberOfSlots, slotReport())));
    }

    ResourceID resourceId() {
        return location.resourceId();
    }

    /** Every task deployed here so far. */
    public List<TaskDeploymentDescriptor> deployments() {
        return List.copyOf(deployments);
    }

    public int allocatedSlotCount() throws Exception {
        return callAsync(allocatedSlots::size, Duration.ofSeconds(5)).get();
    }

    /** What this TaskExecutor reports for every running task with its heartbeats: mostly back-pressured. */
    static TaskLoad loadOf(ExecutionAttemptID attempt) {
        return new TaskLoad(attempt, System.currentTimeMillis(), 0.75, 0.05, 0.2, 7500, 500, 2000);
    }

    /** Stops answering heartbeats, as a TaskManager that died would. */
    void fallSilent() {
        silent = true;
    }

    @Override
    public CompletableFuture<Void> requestSlot(SlotID slotId, JobID jobId, AllocationID allocationId,
            String jobMasterAddress, JobMasterId jobMasterId) {
        if (allocatedSlots.containsKey(slotId.slotIndex())) {
            return CompletableFuture.failedFuture(new IllegalStateException("slot " + slotId + " is taken"));
        }
        allocatedSlots.put(slotId.slotIndex(), allocationId);
        slotsOfJob.put(allocationId, jobId);
        CompletableFuture<JobMasterGateway> connection = getRpcService().connect(jobMasterAddress, jobMasterId,
                JobMasterGateway.class);
        jobMasters.put(jobId, connection);
        connection.thenCompose(jobMaster -> jobMaster.offerSlots(location,
                        List.of(new SlotOffer(allocationId, slotId.slotIndex()))))
                .thenAcceptAsync(accepted -> {
                    if (accepted.isEmpty()) {
                        release(slotId.slotIndex());
                    }
                }, getMainThreadExecutor());
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> submitTask(TaskDeploymentDescriptor deployment, JobMasterId jobMasterId) {
        if (!allocatedSlots.containsValue(deployment.allocationId())) {
            return CompletableFuture.failedFuture(new IllegalStateException("slot " + deployment.allocationId()
                    + " is not allocated here"));
        }
        deployments.add(deployment);
        runningTasks.put(deployment.attemptId(), deployment.jobId());
        ExecutionState outcome = script.outcome(deployment);
        runAsync(() -> play(deployment, outcome));
        return CompletableFuture.completedFuture(null);
    }

    private void play(TaskDeploymentDescriptor deployment, ExecutionState outcome) {
        ExecutionAttemptID attempt = deployment.attemptId();
        if (!runningTasks.containsKey(attempt)) {
            return;
        }
        report(deployment.jobId(), attempt, ExecutionState.INITIALIZING, null);
        report(deployment.jobId(), attempt, ExecutionState.RUNNING, null);
        if (outcome != ExecutionState.RUNNING) {
            runningTasks.remove(attempt);
            report(deployment.jobId(), attempt, outcome,
                    outcome == ExecutionState.FAILED ? "scripted failure of " + deployment.subtaskName() : null);
        }
    }

    /** Reports in order: the JobMaster connection is complete once a slot was offered, so this runs at once. */
    private void report(JobID jobId, ExecutionAttemptID attempt, ExecutionState state, String failure) {
        jobMasters.get(jobId).thenAccept(jobMaster -> jobMaster.updateTaskExecutionState(
                new TaskExecutionState(jobId, attempt, state, failure)));
    }

    @Override
    public CompletableFuture<Void> cancelTask(ExecutionAttemptID attemptId) {
        JobID jobId = runningTasks.remove(attemptId);
        if (jobId != null) {
            report(jobId, attemptId, ExecutionState.CANCELED, null);
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> freeSlot(AllocationID allocationId, String cause) {
        allocatedSlots.entrySet().stream().filter(entry -> entry.getValue().equals(allocationId)).findFirst()
                .ifPresent(entry -> release(entry.getKey()));
        return CompletableFuture.completedFuture(null);
    }

    private void release(int slotIndex) {
        AllocationID allocation = allocatedSlots.remove(slotIndex);
        if (allocation != null) {
            slotsOfJob.remove(allocation);
            resourceManager.thenAccept(rm -> rm.notifySlotFreed(new SlotID(location.resourceId(), slotIndex),
                    allocation));
        }
    }

    @Override
    public void heartbeatFromResourceManager(ResourceID resourceManagerId) {
        resourceManager.thenAccept(rm -> rm.heartbeatFromTaskExecutor(location.resourceId(), slotReport()));
    }

    private SlotReport slotReport() {
        return new SlotReport(IntStream.range(0, numberOfSlots).mapToObj(index -> {
            SlotID slot = new SlotID(location.resourceId(), index);
            AllocationID allocation = allocatedSlots.get(index);
            return allocation == null ? SlotStatus.free(slot) : new SlotStatus(slot, allocation,
                    slotsOfJob.get(allocation));
        }).toList());
    }

    @Override
    public void heartbeatFromJobMaster(JobID jobId) {
        if (!silent) {
            List<TaskLoad> loads = runningTasks.entrySet().stream().filter(task -> task.getValue().equals(jobId))
                    .map(task -> loadOf(task.getKey())).toList();
            jobMasters.getOrDefault(jobId, new CompletableFuture<>())
                    .thenAccept(jobMaster -> jobMaster.heartbeatFromTaskManager(location.resourceId(), loads));
        }
    }

    @Override
    public void disconnectJobMaster(JobID jobId, String reason) {
        List.copyOf(slotsOfJob.entrySet()).stream().filter(entry -> entry.getValue().equals(jobId))
                .forEach(entry -> freeSlot(entry.getKey(), reason));
        runningTasks.values().removeIf(jobId::equals);
    }

    @Override
    public void disconnectResourceManager(String reason) {
    }
}
