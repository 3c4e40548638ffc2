package io.podflow.protocol;

import io.podflow.protocol.job.JobID;
import io.podflow.rpc.RpcGateway;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The ResourceManager as TaskExecutors, JobMasters and REST call it. The connection itself is authenticated by
 * the RPC handshake (cluster secret); registration decides whether a TaskManager is one the cluster expects.
 */
public interface ResourceManagerGateway extends RpcGateway {

    /** Endpoint name of the ResourceManager in the JobManager's RPC service. */
    String ENDPOINT_NAME = "resourcemanager";

    /** A TaskExecutor (re-)registers; its slots become available once accepted. */
    CompletableFuture<RegistrationResponse> registerTaskExecutor(TaskExecutorRegistration registration);

    /**
     * A TaskExecutor shuts down or gives up on this ResourceManager, or a JobMaster found it unreachable: its slots
     * are gone (a TaskExecutor that is still alive registers again once it misses the ResourceManager's heartbeats).
     */
    void disconnectTaskExecutor(ResourceID resourceId, String reason);

    /** A TaskExecutor answers a heartbeat request with the current state of its slots. */
    void heartbeatFromTaskExecutor(ResourceID resourceId, SlotReport slotReport);

    /** A TaskExecutor says a slot became free (the JobMaster released it). */
    void notifySlotFreed(SlotID slotId, AllocationID allocationId);

    /** A JobMaster for {@code jobId} introduces itself; slot offers will go to it with {@code jobMasterId}. */
    CompletableFuture<RegistrationResponse> registerJobMaster(JobID jobId, String jobMasterAddress,
            JobMasterId jobMasterId);

    /** The job is over or its JobMaster stops: its demand is dropped and its slots freed. */
    void unregisterJobMaster(JobID jobId, String reason);

    /** How many slots the job needs in total now (not an increment); 0 releases the demand. */
    CompletableFuture<Void> declareRequiredSlots(JobID jobId, int slotCount);

    /**
     * Why workers the declared demand needs are not there (e.g. their pods wait for a node), for a job that waited
     * too long for slots; null when nothing is known to hold them up.
     */
    CompletableFuture<String> requestMissingWorkersReason();

    /** Registered TaskManagers, for REST {@code /taskmanagers}. */
    CompletableFuture<List<TaskManagerInfo>> requestTaskManagerInfos();
}
