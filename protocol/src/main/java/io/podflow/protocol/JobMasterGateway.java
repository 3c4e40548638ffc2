package io.podflow.protocol;

import io.podflow.protocol.job.TaskLoad;
import io.podflow.rpc.FencedRpcGateway;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A job's JobMaster as TaskExecutors and the ResourceManager call it; fenced by its {@link JobMasterId}. */
public interface JobMasterGateway extends FencedRpcGateway<JobMasterId> {

    /** A TaskManager offers slots the ResourceManager allocated to this job; answers with the accepted ones. */
    CompletableFuture<List<SlotOffer>> offerSlots(TaskManagerLocation taskManager, List<SlotOffer> offers);

    /** A TaskManager reports an attempt's new state. */
    CompletableFuture<Void> updateTaskExecutionState(TaskExecutionState state);

    /**
     * A TaskManager answers {@code TaskExecutorGateway.heartbeatFromJobMaster} with how the job's attempts running
     * there spent their time since its previous answer.
     */
    void heartbeatFromTaskManager(ResourceID taskManagerId, List<TaskLoad> taskLoads);

    /**
     * The ResourceManager cannot start the workers this job's slots need, for a reason people must fix (e.g. its
     * service account may not create pods): the slots the job still awaits fail with {@code reason}.
     */
    void failSlotRequests(String reason);

    /** A TaskManager is gone (it disconnected, or the ResourceManager lost it): its slots and tasks are lost. */
    void disconnectTaskManager(ResourceID taskManagerId, String reason);
}
