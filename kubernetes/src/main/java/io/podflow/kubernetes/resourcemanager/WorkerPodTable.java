package io.podflow.kubernetes.resourcemanager;

import io.fabric8.kubernetes.api.model.Pod;
import io.podflow.kubernetes.naming.KubernetesObjectNames;
import io.podflow.kubernetes.naming.KubernetesObjectNames.TaskManagerPodName;
import io.podflow.kubernetes.resourcemanager.PodAction.CreatePod;
import io.podflow.kubernetes.resourcemanager.PodAction.DeletePod;
import io.podflow.kubernetes.resourcemanager.PodAction.ForgetPod;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;

/**
 * The Kubernetes driver's memory between reconcile steps: every TaskManager pod it knows, folded from informer
 * events, its own requests and registrations, plus the failure window and the next pod index. Not thread-safe:
 * owned by the ResourceManager's main thread.
 */
public final class WorkerPodTable {

    private final KubernetesObjectNames names;
    private final Map<String, WorkerPod> pods = new LinkedHashMap<>();
    private final Map<String, String> schedulingProblems = new LinkedHashMap<>();
    private List<Instant> recentFailures = List.of();
    private int nextPodIndex = 1;
    private OptionalInt refusedDemand = OptionalInt.empty();
    private String refusal;

    public WorkerPodTable(KubernetesObjectNames names) {
        this.names = names;
    }

    /** The state for the next reconcile step. */
    public ReconcileInput input(int workersWanted, Instant now) {
        return new ReconcileInput(workersWanted, List.copyOf(pods.values()), recentFailures, nextPodIndex,
                refusedDemand, now);
    }

    /**
     * Records what a reconcile step decided, as if its actions were already issued: created pods become requested,
     * deleted ones deleting, forgotten ones dropped.
     */
    public void record(ReconcileResult result, Instant now) {
        recentFailures = result.recentFailures();
        nextPodIndex = result.nextPodIndex();
        refusedDemand = result.refusedDemand();
        if (refusedDemand.isEmpty()) {
            refusal = null;
        }
        for (PodAction action : result.actions()) {
            if (action instanceof CreatePod create) {
                pods.put(create.podName(), new WorkerPod(create.podName(), attemptOf(create.podName()),
                        WorkerPodPhase.REQUESTED, now, false, null, false));
            } else if (action instanceof DeletePod delete) {
                deleting(delete.podName());
            } else if (action instanceof ForgetPod forget) {
                pods.remove(forget.podName());
                schedulingProblems.remove(forget.podName());
            }
        }
    }

    /** Whether {@code podName} is a pod this driver knows, and so a TaskManager it accepts. */
    public boolean knows(String podName) {
        return pods.containsKey(podName);
    }

    /** The informer added or updated a pod, or resynced it; pods not named like this cluster's are ignored. */
    public void observed(Pod pod, Instant now) {
        String name = pod.getMetadata().getName();
        TaskManagerPodName parsed = names.parseTaskManagerPod(name);
        if (parsed == null) {
            return;
        }
        WorkerPodPhase phase = PodPhases.of(pod);
        PodPhases.schedulingProblem(pod).filter(problem -> phase == WorkerPodPhase.PENDING).ifPresentOrElse(
                problem -> schedulingProblems.put(name, problem), () -> schedulingProblems.remove(name));
        WorkerPod known = pods.get(name);
        if (known == null) {
            pods.put(name, new WorkerPod(name, parsed.attempt(), phase, now, false, null, false));
        } else if (known.phase() != phase) {
            pods.put(name, copy(known, phase, now, known.registered(), known.idleSince(), known.deleting()));
        }
    }

    /** The informer saw the pod deleted. */
    public void observedGone(String podName, Instant now) {
        update(podName, pod -> copy(pod, WorkerPodPhase.GONE, now, pod.registered(), pod.idleSince(),
                pod.deleting()));
    }

    /** Creating the pod failed; the next step forgets it and counts the failure. */
    public void creationFailed(String podName, Instant now) {
        update(podName, pod -> pod.phase() == WorkerPodPhase.REQUESTED
                ? copy(pod, WorkerPodPhase.CREATE_FAILED, now, false, null, pod.deleting()) : pod);
    }

    /**
     * The API server refused the pod ({@code reason} is one line for people): the next step forgets it, counts the
     * failure and creates no pod until the demand changes.
     */
    public void creationRefused(String podName, Instant now, String reason) {
        if (pods.containsKey(podName)) {
            refusal = reason;
        }
        update(podName, pod -> pod.phase() == WorkerPodPhase.REQUESTED
                ? copy(pod, WorkerPodPhase.CREATE_REFUSED, now, false, null, pod.deleting()) : pod);
    }

    /** Why pod creation is stopped, while it is (see {@link #creationRefused}). */
    public Optional<String> refusal() {
        return Optional.ofNullable(refusal);
    }

    /** What the scheduler says of each pod it has not placed yet, by pod name. */
    public Map<String, String> schedulingProblems() {
        return Map.copyOf(schedulingProblems);
    }

    /** The pod's TaskManager registered; it holds no slot yet, so it is idle from {@code now}. */
    public void registered(String podName, Instant now) {
        update(podName, pod -> copy(pod, pod.phase(), pod.phaseSince(), true, now, pod.deleting()));
    }

    /** The TaskManager now holds at least one allocated slot. */
    public void busy(String podName) {
        update(podName, pod -> copy(pod, pod.phase(), pod.phaseSince(), pod.registered(), null, pod.deleting()));
    }

    /** The TaskManager holds no allocated slot any more. */
    public void idle(String podName, Instant since) {
        update(podName, pod -> pod.registered()
                ? copy(pod, pod.phase(), pod.phaseSince(), true, since, pod.deleting()) : pod);
    }

    /** The driver asked for the pod's deletion outside a reconcile step (e.g. the ResourceManager released it). */
    public void deleting(String podName) {
        update(podName, pod -> copy(pod, pod.phase(), pod.phaseSince(), pod.registered(), pod.idleSince(), true));
    }

    public List<WorkerPod> pods() {
        return new ArrayList<>(pods.values());
    }

    private int attemptOf(String podName) {
        TaskManagerPodName parsed = names.parseTaskManagerPod(podName);
        if (parsed == null) {
            throw new IllegalArgumentException(podName + " is not a TaskManager pod name of " + names.clusterId());
        }
        return parsed.attempt();
    }

    private void update(String podName, UnaryOperator<WorkerPod> change) {
        pods.computeIfPresent(podName, (name, pod) -> change.apply(pod));
    }

    private static WorkerPod copy(WorkerPod pod, WorkerPodPhase phase, Instant phaseSince, boolean registered,
            Instant idleSince, boolean deleting) {
        return new WorkerPod(pod.name(), pod.attempt(), phase, phaseSince, registered, idleSince, deleting);
    }
}
