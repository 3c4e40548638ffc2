package io.podflow.jobmanager.rest;

import io.podflow.protocol.AllocationID;
import io.podflow.protocol.JobMasterId;
import io.podflow.protocol.RegistrationResponse;
import io.podflow.protocol.ResourceID;
import io.podflow.protocol.ResourceManagerGateway;
import io.podflow.protocol.SlotID;
import io.podflow.protocol.SlotReport;
import io.podflow.protocol.TaskExecutorRegistration;
import io.podflow.protocol.TaskManagerInfo;
import io.podflow.protocol.job.JobID;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** An in-process ResourceManager that only reports a fixed set of TaskManagers, which is all REST asks of it. */
final class FakeResourceManager implements ResourceManagerGateway {

    final List<TaskManagerInfo> taskManagers = new CopyOnWriteArrayList<>();

    @Override
    public CompletableFuture<List<TaskManagerInfo>> requestTaskManagerInfos() {
        return CompletableFuture.supplyAsync(() -> List.copyOf(taskManagers));
    }

    @Override
    public CompletableFuture<String> requestMissingWorkersReason() {
        throw new UnsupportedOperationException("REST never asks why workers are missing");
    }

    @Override
    public CompletableFuture<RegistrationResponse> registerTaskExecutor(TaskExecutorRegistration registration) {
        throw new UnsupportedOperationException("REST never registers TaskManagers");
    }

    @Override
    public void disconnectTaskExecutor(ResourceID resourceId, String reason) {
        throw new UnsupportedOperationException("REST never disconnects TaskManagers");
    }

    @Override
    public void heartbeatFromTaskExecutor(ResourceID resourceId, SlotReport slotReport) {
        throw new UnsupportedOperationException("REST sends no heartbeats");
    }

    @Override
    public void notifySlotFreed(SlotID slotId, AllocationID allocationId) {
        throw new UnsupportedOperationException("REST frees no slots");
    }

    @Override
    public CompletableFuture<RegistrationResponse> registerJobMaster(JobID jobId, String jobMasterAddress,
            JobMasterId jobMasterId) {
        throw new UnsupportedOperationException("REST registers no JobMasters");
    }

    @Override
    public void unregisterJobMaster(JobID jobId, String reason) {
        throw new UnsupportedOperationException("REST unregisters no JobMasters");
    }

    @Override
    public CompletableFuture<Void> declareRequiredSlots(JobID jobId, int slotCount) {
        throw new UnsupportedOperationException("REST declares no slots");
    }

    @Override
    public String getAddress() {
        return "in-process/resourcemanager";
    }
}
