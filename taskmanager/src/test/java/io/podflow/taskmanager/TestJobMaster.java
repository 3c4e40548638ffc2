package io.podflow.taskmanager;

import io.podflow.protocol.ExecutionState;
import io.podflow.protocol.JobMasterGateway;
import io.podflow.protocol.JobMasterId;
import io.podflow.protocol.ResourceID;
import io.podflow.protocol.SlotOffer;
import io.podflow.protocol.TaskExecutionState;
import io.podflow.protocol.TaskExecutorGateway;
import io.podflow.protocol.TaskManagerLocation;
import io.podflow.protocol.job.ExecutionAttemptID;
import io.podflow.protocol.job.JobID;
import io.podflow.protocol.job.TaskLoad;
import io.podflow.rpc.FencedRpcEndpoint;
import io.podflow.rpc.RpcService;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A JobMaster stand-in that takes every slot offered, heartbeats the TaskManagers that offered them (until told to
 * fall silent), and records the task states it is told.
 */
final class TestJobMaster extends FencedRpcEndpoint<JobMasterId> implements JobMasterGateway {

    private static final Duration HEARTBEAT_INTERVAL = Duration.ofMillis(100);

    private final JobID jobId;
    private final Map<String, CompletableFuture<TaskExecutorGateway>> taskExecutors = new ConcurrentHashMap<>();
    private volatile boolean silent;

    final List<SlotOffer> offers = new CopyOnWriteArrayList<>();
    final List<TaskManagerLocation> offeringTaskManagers = new CopyOnWriteArrayList<>();
    final Map<ExecutionAttemptID, List<ExecutionState>> states = new ConcurrentHashMap<>();
    final Map<ExecutionAttemptID, String> failures = new ConcurrentHashMap<>();
    final List<ResourceID> heartbeatsFrom = new CopyOnWriteArrayList<>();
    /** The latest load reported for each attempt. */
    final Map<ExecutionAttemptID, TaskLoad> loads = new ConcurrentHashMap<>();

    TestJobMaster(RpcService rpcService, JobID jobId) {
        super(rpcService, "jobmaster-" + jobId, JobMasterId.class, JobMasterId.generate());
        this.jobId = jobId;
    }

    @Override
    protected void onStart() {
        scheduleRunAsync(this::heartbeat, HEARTBEAT_INTERVAL);
    }

    private void heartbeat() {
        if (!silent) {
            taskExecutors.values().forEach(gateway -> gateway.thenAccept(tm -> tm.heartbeatFromJobMaster(jobId)));
        }
        scheduleRunAsync(this::heartbeat, HEARTBEAT_INTERVAL);
    }

    /** Stops heartbeating, as a JobMaster that died or is cut off would. */
    void fallSilent() {
        silent = true;
    }

    @Override
    public CompletableFuture<List<SlotOffer>> offerSlots(TaskManagerLocation taskManager, List<SlotOffer> slotOffers) {
        offeringTaskManagers.add(taskManager);
        taskExecutors.computeIfAbsent(taskManager.rpcAddress(),
                address -> getRpcService().connect(address, TaskExecutorGateway.class));
        offers.addAll(slotOffers);
        return CompletableFuture.completedFuture(slotOffers);
    }

    @Override
    public CompletableFuture<Void> updateTaskExecutionState(TaskExecutionState state) {
        states.computeIfAbsent(state.attemptId(), id -> new CopyOnWriteArrayList<>()).add(state.state());
        if (state.failure() != null) {
            failures.put(state.attemptId(), state.failure());
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void heartbeatFromTaskManager(ResourceID taskManagerId, List<TaskLoad> taskLoads) {
        heartbeatsFrom.add(taskManagerId);
        taskLoads.forEach(load -> loads.put(load.attemptId(), load));
    }

    @Override
    public void failSlotRequests(String reason) {
    }

    @Override
    public void disconnectTaskManager(ResourceID taskManagerId, String reason) {
    }

    List<ExecutionState> statesOf(ExecutionAttemptID attempt) {
        return states.getOrDefault(attempt, List.of());
    }
}
