package io.podflow.protocol;

import io.podflow.protocol.deployment.TaskDeploymentDescriptor;
import io.podflow.protocol.job.ExecutionAttemptID;
import io.podflow.protocol.job.JobID;
import io.podflow.rpc.RpcGateway;

import java.util.concurrent.CompletableFuture;

/** A TaskManager's TaskExecutor as the ResourceManager and JobMasters call it. */
public interface TaskExecutorGateway extends RpcGateway {

    /** Endpoint name of the TaskExecutor in a TaskManager's RPC service. */
    String ENDPOINT_NAME = "taskexecutor";

    /**
     * The ResourceManager gives slot {@code slotId} to the job: the TaskExecutor marks it allocated and offers it
     * to the JobMaster at {@code jobMasterAddress}. Fails if the slot is already allocated to something else.
     */
    CompletableFuture<Void> requestSlot(SlotID slotId, JobID jobId, AllocationID allocationId,
            String jobMasterAddress, JobMasterId jobMasterId);

    /** A JobMaster deploys a subtask into a slot it accepted; fails if the slot is not that job's. */
    CompletableFuture<Void> submitTask(TaskDeploymentDescriptor deployment, JobMasterId jobMasterId);

    /** Cancels a running attempt; completes once cancellation started (the final state is reported after). */
    CompletableFuture<Void> cancelTask(ExecutionAttemptID attemptId);

    /** The JobMaster gives a slot back; tasks still in it are failed and the ResourceManager is told. */
    CompletableFuture<Void> freeSlot(AllocationID allocationId, String cause);

    /** The ResourceManager asks for a heartbeat; answered with {@code heartbeatFromTaskExecutor}. */
    void heartbeatFromResourceManager(ResourceID resourceManagerId);

    /** A JobMaster asks for a heartbeat; answered with {@code JobMasterGateway.heartbeatFromTaskManager}. */
    void heartbeatFromJobMaster(JobID jobId);

    /** The JobMaster of the job is gone: its tasks are failed and its slots freed. */
    void disconnectJobMaster(JobID jobId, String reason);

    /** The ResourceManager dropped this TaskManager (e.g. heartbeat timeout): register again. */
    void disconnectResourceManager(String reason);
}
