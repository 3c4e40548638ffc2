package io.podflow.jobmanager.resourcemanager;

import io.podflow.protocol.JobMasterGateway;
import io.podflow.protocol.JobMasterId;
import io.podflow.protocol.ResourceID;
import io.podflow.protocol.SlotOffer;
import io.podflow.protocol.TaskExecutionState;
import io.podflow.protocol.TaskManagerLocation;
import io.podflow.protocol.job.TaskLoad;
import io.podflow.rpc.FencedRpcEndpoint;
import io.podflow.rpc.RpcService;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** A JobMaster stand-in that records which TaskManagers the ResourceManager reported lost and why slots failed. */
final class FakeJobMaster extends FencedRpcEndpoint<JobMasterId> implements JobMasterGateway {

    final List<ResourceID> lostTaskManagers = new CopyOnWriteArrayList<>();
    final List<String> slotRequestFailures = new CopyOnWriteArrayList<>();

    FakeJobMaster(RpcService rpcService, JobMasterId jobMasterId) {
        super(rpcService, "jobmaster-" + jobMasterId, JobMasterId.class, jobMasterId);
    }

    @Override
    public CompletableFuture<List<SlotOffer>> offerSlots(TaskManagerLocation taskManager, List<SlotOffer> offers) {
        return CompletableFuture.completedFuture(offers);
    }

    @Override
    public CompletableFuture<Void> updateTaskExecutionState(TaskExecutionState state) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void heartbeatFromTaskManager(ResourceID taskManagerId, List<TaskLoad> taskLoads) {
    }

    @Override
    public void failSlotRequests(String reason) {
        slotRequestFailures.add(reason);
    }

    @Override
    public void disconnectTaskManager(ResourceID taskManagerId, String reason) {
        lostTaskManagers.add(taskManagerId);
    }
}
