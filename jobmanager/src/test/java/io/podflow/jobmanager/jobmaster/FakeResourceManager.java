package io.podflow.jobmanager.jobmaster;

import io.podflow.protocol.AllocationID;
import io.podflow.protocol.JobMasterId;
import io.podflow.protocol.RegistrationResponse;
import io.podflow.protocol.ResourceID;
import io.podflow.protocol.ResourceManagerGateway;
import io.podflow.protocol.SlotID;
import io.podflow.protocol.SlotReport;
import io.podflow.protocol.TaskExecutorGateway;
import io.podflow.protocol.TaskExecutorRegistration;
import io.podflow.protocol.TaskManagerInfo;
import io.podflow.protocol.job.JobID;
import io.podflow.rpc.RpcEndpoint;
import io.podflow.rpc.RpcService;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

/**
 * A ResourceManager reduced to what a JobMaster test needs: it takes TaskExecutor registrations, hands free
 * slots to jobs up to their declared demand, and takes slots back when TaskExecutors free them.
 */
public final class FakeResourceManager extends RpcEndpoint implements ResourceManagerGateway {

    private record JobMasterAt(String address, JobMasterId id) {
    }

    private final Map<ResourceID, TaskExecutorRegistration> registrations = new LinkedHashMap<>();
    private final Map<ResourceID, CompletableFuture<TaskExecutorGateway>> taskExecutors = new HashMap<>();
    private final Map<SlotID, JobID> allocations = new LinkedHashMap<>();
    private final Map<JobID, JobMasterAt> jobMasters = new HashMap<>();
    private final Map<JobID, Integer> demand = new HashMap<>();

    public FakeResourceManager(RpcService rpcService) {
        super(rpcService, ENDPOINT_NAME);
    }

    @Override
    public CompletableFuture<RegistrationResponse> registerTaskExecutor(TaskExecutorRegistration registration) {
        registrations.put(registration.resourceId(), registration);
        taskExecutors.put(registration.resourceId(), getRpcService().connect(registration.location().rpcAddress(),
                TaskExecutorGateway.class));
        allocate();
        return CompletableFuture.completedFuture(RegistrationResponse.success(UUID.randomUUID(),
                ResourceID.of("fake-rm")));
    }

    @Override
    public void disconnectTaskExecutor(ResourceID resourceId, String reason) {
        registrations.remove(resourceId);
        taskExecutors.remove(resourceId);
        allocations.keySet().removeIf(slot -> slot.resourceId().equals(resourceId));
    }

    @Override
    public void heartbeatFromTaskExecutor(ResourceID resourceId, SlotReport slotReport) {
    }

    @Override
    public void notifySlotFreed(SlotID slotId, AllocationID allocationId) {
        allocations.remove(slotId);
        allocate();
    }

    @Override
    public CompletableFuture<RegistrationResponse> registerJobMaster(JobID jobId, String jobMasterAddress,
            JobMasterId jobMasterId) {
        jobMasters.put(jobId, new JobMasterAt(jobMasterAddress, jobMasterId));
        allocate();
        return CompletableFuture.completedFuture(RegistrationResponse.success(UUID.randomUUID(),
                ResourceID.of("fake-rm")));
    }

    @Override
    public void unregisterJobMaster(JobID jobId, String reason) {
        jobMasters.remove(jobId);
        demand.remove(jobId);
    }

    @Override
    public CompletableFuture<Void> declareRequiredSlots(JobID jobId, int slotCount) {
        demand.put(jobId, slotCount);
        allocate();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<String> requestMissingWorkersReason() {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<List<TaskManagerInfo>> requestTaskManagerInfos() {
        return CompletableFuture.completedFuture(registrations.values().stream().map(registration -> {
            int used = (int) allocations.keySet().stream()
                    .filter(slot -> slot.resourceId().equals(registration.resourceId())).count();
            return new TaskManagerInfo(registration.resourceId(), registration.location().rpcAddress(), 0,
                    registration.numberOfSlots(), registration.numberOfSlots() - used, 0);
        }).toList());
    }

    private void allocate() {
        demand.forEach((jobId, wanted) -> {
            JobMasterAt jobMaster = jobMasters.get(jobId);
            long held = allocations.values().stream().filter(jobId::equals).count();
            for (SlotID free : freeSlots().stream().limit(jobMaster == null ? 0 : Math.max(0, wanted - held))
                    .toList()) {
                allocations.put(free, jobId);
                taskExecutors.get(free.resourceId()).thenAccept(taskExecutor -> taskExecutor.requestSlot(free, jobId,
                        AllocationID.generate(), jobMaster.address(), jobMaster.id()));
            }
        });
    }

    private List<SlotID> freeSlots() {
        return registrations.values().stream()
                .flatMap(registration -> IntStream.range(0, registration.numberOfSlots())
                        .mapToObj(index -> new SlotID(registration.resourceId(), index)))
                .filter(slot -> !allocations.containsKey(slot)).toList();
    }
}
