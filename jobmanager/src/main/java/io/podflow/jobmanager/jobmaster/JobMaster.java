package io.podflow.jobmanager.jobmaster;

import io.podflow.jobmanager.jobmaster.graph.Execution;
import io.podflow.jobmanager.jobmaster.graph.ExecutionGraph;
import io.podflow.jobmanager.jobmaster.graph.ExecutionGraphListener;
import io.podflow.jobmanager.jobmaster.restart.RestartStrategy;
import io.podflow.jobmanager.jobmaster.slots.PooledSlot;
import io.podflow.jobmanager.jobmaster.slots.SlotPool;
import io.podflow.protocol.AllocationID;
import io.podflow.protocol.ExecutionState;
import io.podflow.protocol.JobMasterGateway;
import io.podflow.protocol.JobMasterId;
import io.podflow.protocol.ResourceID;
import io.podflow.protocol.ResourceManagerGateway;
import io.podflow.protocol.SlotOffer;
import io.podflow.protocol.TaskExecutionState;
import io.podflow.protocol.TaskExecutorGateway;
import io.podflow.protocol.TaskManagerInfo;
import io.podflow.protocol.TaskManagerLocation;
import io.podflow.protocol.deployment.TaskDeploymentDescriptor;
import io.podflow.protocol.heartbeat.HeartbeatMonitor;
import io.podflow.protocol.job.ExecutionAttemptID;
import io.podflow.protocol.job.JobGraph;
import io.podflow.protocol.job.JobID;
import io.podflow.protocol.job.JobResult;
import io.podflow.protocol.job.JobStatus;
import io.podflow.protocol.job.TaskLoad;
import io.podflow.rpc.FencedRpcEndpoint;
import io.podflow.rpc.RpcConnectionException;
import io.podflow.rpc.RpcService;
import io.podflow.rpc.ScheduledRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Runs one job: asks the ResourceManager for as many slots as the job's largest parallelism, takes the slots
 * TaskManagers offer, deploys every subtask when all are there, follows the tasks' states through the
 * {@link ExecutionGraph}, and on a failure or a lost TaskManager restarts as the restart strategy allows. When
 * the job ends it frees its slots, leaves the ResourceManager and completes {@link #getResultFuture()}.
 */
public final class JobMaster extends FencedRpcEndpoint<JobMasterId>
        implements JobMasterGateway, ExecutionGraphListener {

    private static final Logger LOG = LoggerFactory.getLogger(JobMaster.class);
    private static final Duration LOCAL_CALL_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration REGISTRATION_RETRY = Duration.ofSeconds(1);

    private final JobGraph jobGraph;
    private final JobMasterSettings settings;
    private final String resourceManagerAddress;
    private final Clock clock;
    private final RestartStrategy restartStrategy;
    private final ExecutionGraph graph;
    private final SlotPool slots = new SlotPool();
    private final DeploymentDescriptors deployments;
    private final HeartbeatMonitor<ResourceID> heartbeats;
    private final Map<ResourceID, CompletableFuture<TaskExecutorGateway>> taskExecutors = new HashMap<>();
    /** The latest load each current attempt's TaskManager reported with its heartbeat. */
    private final Map<ExecutionAttemptID, TaskLoad> loads = new HashMap<>();
    private final CompletableFuture<JobResult> result = new CompletableFuture<>();
    private final long startMillis;
    /** Completes once the ResourceManager accepted this JobMaster; actions on it queue until then. */
    private final CompletableFuture<ResourceManagerGateway> resourceManager = new CompletableFuture<>();
    private String registrationFailure;
    private boolean awaitingSlots;
    private ScheduledRun slotTimeout;
    private ScheduledRun heartbeatTick;
    private JobSnapshot finalSnapshot;

    /**
     * @param settings see {@link JobMasterSettings#forJob}, which checks the job's configuration first
     * @param blobServerAddress {@code host:port} TaskManagers fetch the job's jars from
     */
    public JobMaster(RpcService rpcService, JobGraph jobGraph, JobMasterSettings settings,
            String resourceManagerAddress, String blobServerAddress, Clock clock) {
        super(rpcService, "jobmaster_" + jobGraph.jobId(), JobMasterId.class, JobMasterId.generate());
        this.jobGraph = jobGraph;
        this.settings = settings;
        this.resourceManagerAddress = resourceManagerAddress;
        this.clock = clock;
        this.restartStrategy = settings.restartStrategy();
        this.graph = new ExecutionGraph(jobGraph, restartStrategy, this, clock);
        this.deployments = new DeploymentDescriptors(jobGraph, slots, blobServerAddress);
        this.heartbeats = new HeartbeatMonitor<>(settings.heartbeat().timeout());
        this.startMillis = clock.millis();
    }

    public JobID getJobId() {
        return jobGraph.jobId();
    }

    /** Completes once the job is FINISHED, FAILED or CANCELED; never fails. */
    public CompletableFuture<JobResult> getResultFuture() {
        return result;
    }

    /** The job as it is now; after it ended, as it was when it ended. */
    public CompletableFuture<JobSnapshot> requestSnapshot() {
        return callAsync(this::snapshot, LOCAL_CALL_TIMEOUT);
    }

    /** Starts cancelling the job; completes when the cancel is under way, not when the job is CANCELED. */
    public CompletableFuture<Void> cancel() {
        return callAsync(() -> {
            graph.cancel();
            return null;
        }, LOCAL_CALL_TIMEOUT);
    }

    @Override
    protected void onStart() {
        LOG.info("JobMaster for job '{}' ({}) starts at {}", jobGraph.name(), jobGraph.jobId(), getAddress());
        // registered after onStart: the endpoint is reachable only once start() has published it
        runAsync(this::registerWithResourceManager);
        graph.start();
        awaitSlots();
        scheduleHeartbeat();
    }

    /** Registers until the ResourceManager accepts; slot demand may only follow then (see {@link #resourceManager}). */
    private void registerWithResourceManager() {
        if (result.isDone()) {
            return;
        }
        getRpcService().connect(resourceManagerAddress, ResourceManagerGateway.class)
                .thenCompose(rm -> rm.registerJobMaster(jobGraph.jobId(), getAddress(), getFencingToken())
                        .thenApply(response -> {
                            if (!response.accepted()) {
                                throw new IllegalStateException("it refused job " + jobGraph.jobId() + ": "
                                        + response.rejectionReason());
                            }
                            return rm;
                        }))
                .whenCompleteAsync((rm, error) -> {
                    if (error == null) {
                        LOG.info("Job {} registered with the ResourceManager at {}", jobGraph.jobId(),
                                resourceManagerAddress);
                        resourceManager.complete(rm);
                    } else {
                        registrationFailure = rootMessage(error);
                        LOG.warn("Job {} could not register with the ResourceManager at {} ({}); retrying in {}",
                                jobGraph.jobId(), resourceManagerAddress, registrationFailure, REGISTRATION_RETRY);
                        scheduleRunAsync(this::registerWithResourceManager, REGISTRATION_RETRY);
                    }
                }, getMainThreadExecutor());
    }

    @Override
    protected CompletableFuture<Void> onStop() {
        if (!result.isDone()) {
            LOG.info("JobMaster of job {} stops while the job is {}; its tasks are cancelled", jobGraph.jobId(),
                    graph.status());
            graph.cancel();
            finish(JobStatus.CANCELED, null);
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<List<SlotOffer>> offerSlots(TaskManagerLocation taskManager, List<SlotOffer> offers) {
        if (graph.status() != JobStatus.RUNNING && graph.status() != JobStatus.RESTARTING) {
            return CompletableFuture.completedFuture(List.of());
        }
        List<SlotOffer> accepted = slots.offer(taskManager, offers);
        if (!accepted.isEmpty() && !heartbeats.peers().contains(taskManager.resourceId())) {
            heartbeats.monitor(taskManager.resourceId(), System.nanoTime());
        }
        LOG.info("Job {}: accepted {} of {} slots offered by {}; holding {} of {}", jobGraph.jobId(), accepted.size(),
                offers.size(), taskManager.resourceId(), slots.size(), slots.required());
        runAsync(this::deployIfReady);
        return CompletableFuture.completedFuture(accepted);
    }

    @Override
    public CompletableFuture<Void> updateTaskExecutionState(TaskExecutionState state) {
        if (!state.jobId().equals(jobGraph.jobId())) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("This JobMaster runs job "
                    + jobGraph.jobId() + ", not " + state.jobId()));
        }
        graph.updateTaskState(state.attemptId(), state.state(), state.failure());
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void heartbeatFromTaskManager(ResourceID taskManagerId, List<TaskLoad> taskLoads) {
        if (heartbeats.heardFrom(taskManagerId, System.nanoTime())) {
            loads.keySet().removeIf(attempt -> graph.execution(attempt).isEmpty());
            taskLoads.stream().filter(load -> graph.execution(load.attemptId()).isPresent())
                    .forEach(load -> loads.put(load.attemptId(), load));
        }
    }

    @Override
    public void failSlotRequests(String reason) {
        if (awaitingSlots && graph.status() == JobStatus.RUNNING && !slots.isComplete()) {
            graph.failGlobally("Could not get the " + slots.required() + " slot(s) job '" + jobGraph.name()
                    + "' needs: " + reason);
        }
    }

    @Override
    public void disconnectTaskManager(ResourceID taskManagerId, String reason) {
        taskManagerLost(taskManagerId, reason);
    }

    @Override
    public void jobStatusChanged(JobStatus previous, JobStatus current) {
        if (current == JobStatus.RESTARTING) {
            LOG.info("Job {} restarts in {}", jobGraph.jobId(), restartStrategy.delay());
            scheduleRunAsync(this::restart, restartStrategy.delay());
        } else if (current.isGloballyTerminal()) {
            // the graph is mid-update here; end the job once it is done
            runAsync(this::jobEnded);
        }
    }

    @Override
    public void cancelRequested(Execution execution) {
        var slot = execution.allocationId().flatMap(slots::slot);
        if (slot.isEmpty()) {
            runAsync(() -> graph.updateTaskState(execution.attemptId(), ExecutionState.CANCELED, null));
            return;
        }
        taskExecutor(slot.get().taskManager())
                .thenCompose(gateway -> gateway.cancelTask(execution.attemptId()))
                .whenCompleteAsync((ignored, error) -> {
                    if (error != null) {
                        LOG.warn("Job {}: could not cancel {} on {}: {}; counting it as canceled", jobGraph.jobId(),
                                execution.subtaskName(), slot.get().taskManager().resourceId(), rootMessage(error));
                        loseIfUnreachable(slot.get().taskManager().resourceId(), error);
                        // unless losing its TaskManager already failed it
                        graph.execution(execution.attemptId()).filter(current -> !current.state().isTerminal())
                                .ifPresent(current -> graph.updateTaskState(current.attemptId(),
                                        ExecutionState.CANCELED, null));
                    }
                }, getMainThreadExecutor());
    }

    private void restart() {
        if (graph.status() != JobStatus.RESTARTING) {
            return;
        }
        graph.restart();
        awaitSlots();
    }

    private void awaitSlots() {
        awaitingSlots = true;
        slots.require(jobGraph.maxParallelism());
        declareDemand();
        if (slotTimeout != null) {
            slotTimeout.cancel();
        }
        slotTimeout = scheduleRunAsync(this::slotRequestTimedOut, settings.slotRequestTimeout());
        deployIfReady();
    }

    private void declareDemand() {
        int needed = slots.required();
        withResourceManager(rm -> rm.declareRequiredSlots(jobGraph.jobId(), needed).whenComplete((ignored, error) -> {
            if (error != null) {
                LOG.warn("Job {} could not declare its {} slots to the ResourceManager: {}", jobGraph.jobId(), needed,
                        rootMessage(error));
            }
        }));
    }

    private void deployIfReady() {
        if (!awaitingSlots || graph.status() != JobStatus.RUNNING || !slots.isComplete()) {
            return;
        }
        awaitingSlots = false;
        slotTimeout.cancel();
        LOG.info("Job {}: all {} slots are here; deploying {} tasks", jobGraph.jobId(), slots.size(),
                graph.executions().size());
        for (Execution execution : graph.executions()) {
            deploy(execution);
        }
    }

    private void deploy(Execution execution) {
        PooledSlot slot = slots.slotForSubtask(execution.subtaskIndex());
        if (!graph.markDeploying(execution.attemptId(), slot.allocationId())) {
            return;
        }
        TaskDeploymentDescriptor descriptor = deployments.describe(execution);
        taskExecutor(slot.taskManager())
                .thenCompose(gateway -> gateway.submitTask(descriptor, getFencingToken()))
                .whenCompleteAsync((ignored, error) -> {
                    if (error != null) {
                        graph.updateTaskState(execution.attemptId(), ExecutionState.FAILED, "Could not deploy to "
                                + slot.taskManager().resourceId() + ": " + rootMessage(error));
                        loseIfUnreachable(slot.taskManager().resourceId(), error);
                    }
                }, getMainThreadExecutor());
    }

    private void slotRequestTimedOut() {
        if (!awaitingSlots || graph.status() != JobStatus.RUNNING || slots.isComplete()) {
            return;
        }
        int needed = slots.required();
        int held = slots.size();
        if (!resourceManager.isDone()) {
            graph.failGlobally(noSlotsMessage(needed, held, null, new IllegalStateException(
                    "it has not accepted this JobMaster (" + registrationFailure + ")")));
            return;
        }
        resourceManager.thenCompose(rm -> rm.requestTaskManagerInfos().thenCombine(rm.requestMissingWorkersReason(),
                (infos, missingWorkers) -> noSlotsMessage(needed, held, infos, null)
                        + (missingWorkers == null ? "" : " " + missingWorkers)))
                .handleAsync((message, error) -> {
                    if (awaitingSlots && graph.status() == JobStatus.RUNNING && !slots.isComplete()) {
                        graph.failGlobally(error == null ? message : noSlotsMessage(needed, held, null, error));
                    }
                    return null;
                }, getMainThreadExecutor());
    }

    private String noSlotsMessage(int needed, int held, List<TaskManagerInfo> infos, Throwable error) {
        String prefix = "Could not get the " + needed + " slot(s) job '" + jobGraph.name() + "' needs within "
                + settings.slotRequestTimeout() + " (slot.request.timeout); it got " + held + ". ";
        if (error != null) {
            return prefix + "The ResourceManager at " + resourceManagerAddress + " could not say how many slots exist: "
                    + rootMessage(error);
        }
        int total = infos.stream().mapToInt(TaskManagerInfo::slotsTotal).sum();
        int free = infos.stream().mapToInt(TaskManagerInfo::slotsFree).sum();
        return prefix + "The cluster has " + total + " slot(s) on " + infos.size() + " TaskManager(s), " + free
                + " free.";
    }

    private void scheduleHeartbeat() {
        heartbeatTick = scheduleRunAsync(() -> {
            for (TaskManagerLocation taskManager : slots.taskManagers()) {
                taskExecutor(taskManager).thenAccept(gateway -> gateway.heartbeatFromJobMaster(jobGraph.jobId()));
            }
            for (ResourceID silent : heartbeats.takeTimedOut(System.nanoTime())) {
                taskManagerLost(silent, "no heartbeat for " + settings.heartbeat().timeout());
            }
            if (!graph.status().isGloballyTerminal()) {
                scheduleHeartbeat();
            }
        }, settings.heartbeat().interval());
    }

    /**
     * A call to a TaskManager that failed because its connection broke or could not be made means the TaskManager
     * is gone (a dead process refuses connections at once): its slots are given up now, and the ResourceManager
     * told, rather than after the heartbeat timeout, so a restart does not deploy into them again and again.
     */
    private void loseIfUnreachable(ResourceID taskManagerId, Throwable error) {
        if (!isConnectionFailure(error) || slots.taskManagers().stream()
                .noneMatch(taskManager -> taskManager.resourceId().equals(taskManagerId))) {
            return;
        }
        String reason = "job " + jobGraph.jobId() + " cannot reach it: " + rootMessage(error);
        withResourceManager(rm -> rm.disconnectTaskExecutor(taskManagerId, reason));
        taskManagerLost(taskManagerId, reason);
    }

    private static boolean isConnectionFailure(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof RpcConnectionException) {
                return true;
            }
        }
        return false;
    }

    private void taskManagerLost(ResourceID taskManagerId, String reason) {
        heartbeats.stopMonitoring(taskManagerId);
        List<PooledSlot> lost = slots.removeTaskManager(taskManagerId);
        CompletableFuture<TaskExecutorGateway> connection = taskExecutors.remove(taskManagerId);
        if (lost.isEmpty()) {
            return;
        }
        // a TaskManager that was only slow hears that this job gave it up, so it frees the slots for others
        connection.thenAccept(gateway -> gateway.disconnectJobMaster(jobGraph.jobId(),
                "the JobMaster declared this TaskManager lost: " + reason));
        LOG.warn("Job {}: TaskManager {} is lost ({}); its {} slot(s) are gone", jobGraph.jobId(), taskManagerId,
                reason, lost.size());
        Set<AllocationID> lostSlots = lost.stream().map(PooledSlot::allocationId).collect(Collectors.toSet());
        graph.failTasksInSlots(lostSlots, "TaskManager " + taskManagerId + " is lost: " + reason);
        if (awaitingSlots && graph.status() == JobStatus.RUNNING) {
            declareDemand();
        }
    }

    private void jobEnded() {
        if (!result.isDone()) {
            JobStatus status = graph.status();
            finish(status, status == JobStatus.FAILED ? graph.failureCause().orElse("unknown") : null);
        }
    }

    /** Stops timers, frees every slot (which also stops tasks still in them), leaves the ResourceManager. */
    private void finish(JobStatus status, String cause) {
        awaitingSlots = false;
        if (slotTimeout != null) {
            slotTimeout.cancel();
        }
        if (heartbeatTick != null) {
            heartbeatTick.cancel();
        }
        finalSnapshot = snapshot(clock.millis());
        String reason = "job " + jobGraph.jobId() + " is " + status;
        for (PooledSlot slot : slots.removeAll()) {
            taskExecutor(slot.taskManager()).thenAccept(gateway -> gateway.freeSlot(slot.allocationId(), reason));
        }
        withResourceManager(rm -> rm.unregisterJobMaster(jobGraph.jobId(), reason));
        LOG.info("Job '{}' ({}) ended {}{}", jobGraph.name(), jobGraph.jobId(), status,
                cause == null ? "" : ": " + cause);
        result.complete(new JobResult(jobGraph.jobId(), status, cause, clock.millis() - startMillis));
    }

    private JobSnapshot snapshot() {
        return finalSnapshot != null ? finalSnapshot : snapshot(-1);
    }

    private JobSnapshot snapshot(long endMillis) {
        return JobSnapshot.of(graph, allocation -> slots.slot(allocation)
                .map(slot -> slot.taskManager().resourceId().toString()).orElse(null), loads::get, startMillis,
                endMillis);
    }

    private CompletableFuture<TaskExecutorGateway> taskExecutor(TaskManagerLocation taskManager) {
        return taskExecutors.computeIfAbsent(taskManager.resourceId(),
                id -> getRpcService().connect(taskManager.rpcAddress(), TaskExecutorGateway.class));
    }

    private void withResourceManager(Consumer<ResourceManagerGateway> action) {
        resourceManager.thenAccept(action);
    }

    private static String rootMessage(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause.getCause() != null) && cause.getCause() != null
                && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
