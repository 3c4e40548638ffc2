package io.podflow.jobmanager.resourcemanager;

import io.podflow.protocol.AllocationID;
import io.podflow.protocol.JobMasterId;
import io.podflow.protocol.RegistrationResponse;
import io.podflow.protocol.ResourceID;
import io.podflow.protocol.ResourceManagerGateway;
import io.podflow.protocol.SlotID;
import io.podflow.protocol.SlotReport;
import io.podflow.protocol.SlotStatus;
import io.podflow.protocol.TaskExecutorGateway;
import io.podflow.protocol.TaskExecutorRegistration;
import io.podflow.protocol.TaskManagerLocation;
import io.podflow.protocol.deployment.TaskDeploymentDescriptor;
import io.podflow.protocol.job.ExecutionAttemptID;
import io.podflow.protocol.job.JobID;
import io.podflow.rpc.RpcEndpoint;
import io.podflow.rpc.RpcService;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A TaskExecutor stand-in for ResourceManager tests: registers, answers heartbeats unless silenced, accepts slot
 * requests into its own little slot table, and records what the ResourceManager told it.
 */
final class FakeTaskExecutor extends RpcEndpoint implements TaskExecutorGateway {

    /** A slot request as the ResourceManager sent it. */
    record SlotRequest(SlotID slotId, JobID jobId, AllocationID allocationId, String jobMasterAddress,
            JobMasterId jobMasterId) {
    }

    private final ResourceID id;
    private final int slots;
    private final Map<Integer, SlotRequest> allocated = new ConcurrentHashMap<>();
    final List<SlotRequest> slotRequests = new CopyOnWriteArrayList<>();
    final List<String> resourceManagerDisconnects = new CopyOnWriteArrayList<>();
    final List<JobID> jobMasterDisconnects = new CopyOnWriteArrayList<>();
    private volatile boolean silent;
    private ResourceManagerGateway resourceManager;

    FakeTaskExecutor(RpcService rpcService, String id, int slots) {
        super(rpcService, "taskexecutor-" + id);
        this.id = ResourceID.of(id);
        this.slots = slots;
    }

    ResourceID id() {
        return id;
    }

    RegistrationResponse registerAt(String resourceManagerAddress) throws Exception {
        resourceManager = getRpcService().connect(resourceManagerAddress, ResourceManagerGateway.class)
                .get(10, TimeUnit.SECONDS);
        TaskManagerLocation location = new TaskManagerLocation(id, getAddress(), "127.0.0.1", 6121);
        return resourceManager.registerTaskExecutor(new TaskExecutorRegistration(location, slots, slotReport()))
                .get(10, TimeUnit.SECONDS);
    }

    /** Stops answering heartbeats, as a hung or partitioned TaskManager would. */
    void fallSilent() {
        silent = true;
    }

    private SlotReport slotReport() {
        List<SlotStatus> statuses = new ArrayList<>();
        for (int index = 0; index < slots; index++) {
            SlotRequest request = allocated.get(index);
            SlotID slotId = new SlotID(id, index);
            statuses.add(request == null ? SlotStatus.free(slotId)
                    : new SlotStatus(slotId, request.allocationId(), request.jobId()));
        }
        return new SlotReport(statuses);
    }

    @Override
    public CompletableFuture<Void> requestSlot(SlotID slotId, JobID jobId, AllocationID allocationId,
            String jobMasterAddress, JobMasterId jobMasterId) {
        SlotRequest request = new SlotRequest(slotId, jobId, allocationId, jobMasterAddress, jobMasterId);
        slotRequests.add(request);
        if (allocated.putIfAbsent(slotId.slotIndex(), request) != null) {
            return CompletableFuture.failedFuture(new IllegalStateException("slot " + slotId + " is taken"));
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> submitTask(TaskDeploymentDescriptor deployment, JobMasterId jobMasterId) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("no tasks in ResourceManager tests"));
    }

    @Override
    public CompletableFuture<Void> cancelTask(ExecutionAttemptID attemptId) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("no tasks in ResourceManager tests"));
    }

    @Override
    public CompletableFuture<Void> freeSlot(AllocationID allocationId, String cause) {
        allocated.values().removeIf(request -> request.allocationId().equals(allocationId));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void heartbeatFromResourceManager(ResourceID resourceManagerId) {
        if (!silent) {
            resourceManager.heartbeatFromTaskExecutor(id, slotReport());
        }
    }

    @Override
    public void heartbeatFromJobMaster(JobID jobId) {
    }

    @Override
    public void disconnectJobMaster(JobID jobId, String reason) {
        jobMasterDisconnects.add(jobId);
        allocated.values().removeIf(request -> request.jobId().equals(jobId));
    }

    @Override
    public void disconnectResourceManager(String reason) {
        resourceManagerDisconnects.add(reason);
    }
}
