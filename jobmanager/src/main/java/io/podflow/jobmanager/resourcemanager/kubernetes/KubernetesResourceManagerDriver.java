package io.podflow.jobmanager.resourcemanager.kubernetes;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.podflow.common.config.Configuration;
import io.podflow.jobmanager.resourcemanager.ResourceManagerDriver;
import io.podflow.jobmanager.resourcemanager.WorkerDemand;
import io.podflow.jobmanager.resourcemanager.WorkerEvents;
import io.podflow.kubernetes.KubernetesConfigOptions;
import io.podflow.kubernetes.client.ApiCall;
import io.podflow.kubernetes.client.KubernetesClusterObjects;
import io.podflow.kubernetes.naming.KubernetesLabels;
import io.podflow.kubernetes.naming.KubernetesObjectNames;
import io.podflow.kubernetes.resourcemanager.AttemptNumbers;
import io.podflow.kubernetes.resourcemanager.KubernetesPodWatcher;
import io.podflow.kubernetes.resourcemanager.KubernetesPodWatcher.PodEvents;
import io.podflow.kubernetes.resourcemanager.MissingWorkers;
import io.podflow.kubernetes.resourcemanager.PodAction;
import io.podflow.kubernetes.resourcemanager.PodAction.CreatePod;
import io.podflow.kubernetes.resourcemanager.PodAction.DeletePod;
import io.podflow.kubernetes.resourcemanager.PodAction.ForgetPod;
import io.podflow.kubernetes.resourcemanager.PodReconciler;
import io.podflow.kubernetes.resourcemanager.ReconcileResult;
import io.podflow.kubernetes.resourcemanager.ReconcileSettings;
import io.podflow.kubernetes.resourcemanager.ResourceManagerOptions;
import io.podflow.kubernetes.resourcemanager.TaskManagerPodCreator;
import io.podflow.kubernetes.resourcemanager.WorkerPod;
import io.podflow.kubernetes.resourcemanager.WorkerPodTable;
import io.podflow.kubernetes.spec.PodSettings;
import io.podflow.kubernetes.spec.TaskManagerPodFactory;
import io.podflow.protocol.ResourceID;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the TaskManagers of a native Kubernetes cluster as pods: it follows its pods with an informer, and on every
 * change, every demand from the ResourceManager and every deadline asks the {@link PodReconciler} what to create
 * and delete.
 *
 * <p>Threading: all state (the {@link WorkerPodTable}, the demand, the timer) lives on one thread the driver owns.
 * The ResourceManager's calls, the informer's events and the outcomes of API calls are all posted to it, so the
 * table needs no locks and no ResourceManager change was needed to reach its main thread. Blocking API calls run
 * elsewhere: creations and deletions on the {@link TaskManagerPodCreator}'s bounded pool, the one-time start-up
 * (readying the client's serialization, listing pods, reading the Deployment) on the state thread before any state
 * exists. Only the set of known pod
 * names and why workers are missing are published to the ResourceManager's thread, for {@link #refusalReasonFor}
 * and {@link #missingWorkersReason}.
 */
public final class KubernetesResourceManagerDriver implements ResourceManagerDriver {

    private static final Logger LOG = LoggerFactory.getLogger(KubernetesResourceManagerDriver.class);

    /** How often the informer replays every pod, repairing a missed event. */
    private static final Duration RESYNC = Duration.ofMinutes(1);
    private static final Duration LIST_TIMEOUT = Duration.ofSeconds(60);

    private final Configuration config;
    private final KubernetesClient client;
    private final Clock clock;
    private final KubernetesObjectNames names;
    private final String namespace;
    private final String serviceAccount;
    private final Duration retryInterval;
    private final PodSettings podSettings;
    private final ScheduledThreadPoolExecutor state;

    private volatile boolean closed;
    private volatile Set<String> knownPods = Set.of();
    private volatile Optional<String> missingWorkers = Optional.empty();

    private WorkerEvents events;
    private WorkerPodTable table;
    private PodReconciler reconciler;
    private TaskManagerPodFactory podFactory;
    private TaskManagerPodCreator creator;
    private KubernetesPodWatcher watcher;
    private int workersWanted;
    private ScheduledFuture<?> nextCheck;
    private String reportedConnectFailure;

    /**
     * {@code client} stays the caller's: the driver uses it but does not close it.
     *
     * @throws io.podflow.common.config.IllegalConfigurationException when no TaskManager pod could be built from
     *     {@code config} (e.g. a memory split that does not fit the process size), so the JobManager stops at start
     *     with one line instead of running without ever getting a TaskManager
     */
    public KubernetesResourceManagerDriver(Configuration config, KubernetesClient client, Clock clock) {
        this.config = config;
        this.client = client;
        this.clock = clock;
        this.names = new KubernetesObjectNames(config.get(KubernetesConfigOptions.CLUSTER_ID));
        this.namespace = config.get(KubernetesConfigOptions.NAMESPACE);
        this.serviceAccount = config.get(KubernetesConfigOptions.JOBMANAGER_SERVICE_ACCOUNT);
        this.retryInterval = config.get(ResourceManagerOptions.START_WORKER_RETRY_INTERVAL);
        this.podSettings = PodSettings.forTaskManager(config);
        this.state = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "podflow-kubernetes-driver");
            thread.setDaemon(true);
            return thread;
        });
        state.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    @Override
    public void start(WorkerEvents workerEvents) {
        this.events = workerEvents;
        onStateThread(() -> KubernetesModelWarmUp.run(client));
        onStateThread(this::connect);
    }

    /** Lists this cluster's TaskManager pods (so the attempt number is known), then begins reconciling. */
    private void connect() {
        try {
            table = new WorkerPodTable(names);
            // listing pods first: without rights, its failure names the service account and the fix
            watcher = KubernetesPodWatcher.start(client, new ApiCall("list", "pods", namespace, serviceAccount),
                    KubernetesLabels.taskManager(names.clusterId()), RESYNC, LIST_TIMEOUT, new StateThreadPodEvents());
            OwnerReference owner = new KubernetesClusterObjects(client, namespace).ownerReference(names);
            podFactory = new TaskManagerPodFactory(podSettings, owner);
            Set<String> existing = watcher.pods().stream().map(pod -> pod.getMetadata().getName())
                    .collect(Collectors.toSet());
            int attempt = AttemptNumbers.next(names, existing);
            Instant now = clock.instant();
            reconciler = new PodReconciler(ReconcileSettings.from(config, names, attempt, now));
            creator = new TaskManagerPodCreator(client, namespace, serviceAccount,
                    config.get(KubernetesConfigOptions.TASKMANAGER_POD_CREATION_PARALLELISM));
            watcher.pods().forEach(pod -> table.observed(pod, now));
            LOG.info("Kubernetes driver of cluster '{}' started as attempt {}; found {} TaskManager pod(s) of earlier "
                    + "attempts", names.clusterId(), attempt, existing.size());
        } catch (RuntimeException e) {
            reportConnectFailure(e.getMessage());
            closeQuietly(watcher);
            watcher = null;
            table = null;
            later(retryInterval, this::connect);
            return;
        }
        reconcileNow();
    }

    @Override
    public void reconcile(WorkerDemand demand) {
        onStateThread(() -> {
            workersWanted = demand.workersWanted();
            if (table != null) {
                followRegistrations(demand);
                reconcileNow();
            }
        });
    }

    @Override
    public void releaseWorker(ResourceID workerId, String reason) {
        onStateThread(() -> {
            if (table != null && table.knows(workerId.value())) {
                LOG.info("Deleting TaskManager pod {}: {}", workerId, reason);
                table.deleting(workerId.value());
                delete(workerId.value());
                reconcileNow();
            }
        });
    }

    @Override
    public String refusalReasonFor(ResourceID workerId) {
        if (knownPods.contains(workerId.value())) {
            return null;
        }
        return workerId + " is not a TaskManager pod of cluster '" + names.clusterId() + "' in namespace '"
                + namespace + "' that this JobManager created or found";
    }

    @Override
    public Optional<String> missingWorkersReason() {
        return missingWorkers;
    }

    /** Returns at once; the watcher and the API call pool are closed on the state thread after its current task. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        state.execute(() -> {
            closeQuietly(watcher);
            if (creator != null) {
                creator.close();
            }
        });
        state.shutdown();
    }

    /** Folds what the ResourceManager knows of registrations and idleness into the table. */
    private void followRegistrations(WorkerDemand demand) {
        Instant now = clock.instant();
        for (WorkerPod pod : table.pods()) {
            ResourceID id = ResourceID.of(pod.name());
            if (!demand.registered().contains(id)) {
                continue;
            }
            if (!pod.registered()) {
                table.registered(pod.name(), now);
            }
            if (!demand.idle().contains(id)) {
                table.busy(pod.name());
            } else if (pod.idleSince() == null) {
                table.idle(pod.name(), now);
            }
        }
    }

    private void reconcileNow() {
        Instant now = clock.instant();
        Map<String, WorkerPod> before = table.pods().stream()
                .collect(Collectors.toMap(WorkerPod::name, Function.identity()));
        ReconcileResult result = reconciler.reconcile(table.input(workersWanted, now));
        table.record(result, now);
        knownPods = table.pods().stream().map(WorkerPod::name).collect(Collectors.toUnmodifiableSet());
        missingWorkers = MissingWorkers.explain(table.refusal(), table.pods(), table.schedulingProblems());
        for (PodAction action : result.actions()) {
            carryOut(action, before.get(action.podName()));
        }
        scheduleNextCheck(result, now);
    }

    private void carryOut(PodAction action, WorkerPod pod) {
        if (action instanceof CreatePod) {
            create(action.podName());
        } else if (action instanceof DeletePod delete) {
            LOG.info("Deleting TaskManager pod {}: {}", delete.podName(), delete.reason());
            delete(delete.podName());
            terminatedIfRegistered(pod, delete.reason());
        } else if (action instanceof ForgetPod forget && !pod.deleting()) {
            LOG.info("TaskManager pod {} is gone: {}", forget.podName(), forget.reason());
            terminatedIfRegistered(pod, forget.reason());
        }
    }

    private void terminatedIfRegistered(WorkerPod pod, String reason) {
        if (pod != null && pod.registered()) {
            events.workerTerminated(ResourceID.of(pod.name()), reason);
        }
    }

    private void create(String podName) {
        Pod pod = podFactory.create(podName);
        creator.create(pod).whenCompleteAsync((created, error) -> {
            if (closed) {
                return;
            }
            if (error == null) {
                events.workerStarted(ResourceID.of(podName));
                return;
            }
            Throwable cause = rootCause(error);
            boolean refusedBefore = table.refusal().isPresent();
            if (TaskManagerPodCreator.isRefusal(cause)) {
                table.creationRefused(podName, clock.instant(), cause.getMessage());
            } else {
                LOG.warn("Creating TaskManager pod {} failed; a new pod will be requested: {}", podName,
                        cause.getMessage());
                table.creationFailed(podName, clock.instant());
            }
            reconcileNow();
            if (!refusedBefore && table.refusal().isPresent()) {
                events.workerRequestFailed(Math.max(1, workersWanted), table.refusal().get());
            }
        }, state);
    }

    /** Deletes the pod, retrying while it is still known, e.g. through an API server restart. */
    private void delete(String podName) {
        creator.delete(podName).whenCompleteAsync((ignored, error) -> {
            if (error != null && !closed) {
                LOG.warn("Deleting TaskManager pod {} failed, retrying in {} ms: {}", podName,
                        retryInterval.toMillis(), rootCause(error).getMessage());
                later(retryInterval, () -> {
                    if (table != null && table.knows(podName)) {
                        delete(podName);
                    }
                });
            }
        }, state);
    }

    /** Tells the ResourceManager once per distinct reason, so a start retried every few seconds is one line. */
    private void reportConnectFailure(String reason) {
        missingWorkers = Optional.of("The JobManager cannot follow its TaskManager pods: " + reason);
        if (!reason.equals(reportedConnectFailure)) {
            reportedConnectFailure = reason;
            events.workerRequestFailed(Math.max(1, workersWanted), reason);
        }
    }

    private void scheduleNextCheck(ReconcileResult result, Instant now) {
        if (nextCheck != null) {
            nextCheck.cancel(false);
            nextCheck = null;
        }
        result.nextCheck().ifPresent(at -> {
            long delay = Math.max(0, Duration.between(now, at).toMillis());
            nextCheck = later(Duration.ofMillis(delay), this::reconcileNow);
        });
    }

    private ScheduledFuture<?> later(Duration delay, Runnable task) {
        return state.schedule(() -> onStateThread(task), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void onStateThread(Runnable task) {
        if (closed) {
            return;
        }
        state.execute(() -> {
            if (!closed) {
                task.run();
            }
        });
    }

    private static Throwable rootCause(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    private static void closeQuietly(KubernetesPodWatcher podWatcher) {
        if (podWatcher != null) {
            podWatcher.close();
        }
    }

    /** Hands the informer's events to the state thread. */
    private final class StateThreadPodEvents implements PodEvents {

        @Override
        public void podChanged(Pod pod) {
            onStateThread(() -> {
                if (table != null) {
                    table.observed(pod, clock.instant());
                    reconcileNow();
                }
            });
        }

        @Override
        public void podDeleted(Pod pod) {
            onStateThread(() -> {
                if (table != null) {
                    table.observedGone(pod.getMetadata().getName(), clock.instant());
                    reconcileNow();
                }
            });
        }
    }
}
