package io.podflow.kubernetes.resourcemanager;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Reads a pod's {@link WorkerPodPhase} from what the API server reports. */
public final class PodPhases {

    private PodPhases() {
    }

    public static WorkerPodPhase of(Pod pod) {
        if (pod.getMetadata().getDeletionTimestamp() != null) {
            // someone (kubectl delete, node eviction) is deleting it: it will not run again
            return WorkerPodPhase.TERMINATED;
        }
        if (pod.getStatus() == null || pod.getStatus().getPhase() == null) {
            return WorkerPodPhase.PENDING;
        }
        return switch (pod.getStatus().getPhase()) {
            case "Succeeded", "Failed" -> WorkerPodPhase.TERMINATED;
            case "Running" -> anyContainerTerminated(pod) ? WorkerPodPhase.TERMINATED : WorkerPodPhase.RUNNING;
            // Unknown: the node stopped reporting; the registration and heartbeat timeouts decide its fate
            case "Unknown" -> WorkerPodPhase.RUNNING;
            default -> WorkerPodPhase.PENDING;
        };
    }

    /**
     * Why the scheduler has not placed the pod, from its {@code PodScheduled=False} condition (e.g.
     * {@code "Unschedulable: 0/1 nodes are available: 1 Insufficient cpu."}); empty once placed or not yet looked at.
     */
    public static Optional<String> schedulingProblem(Pod pod) {
        if (pod.getStatus() == null) {
            return Optional.empty();
        }
        return pod.getStatus().getConditions().stream()
                .filter(condition -> "PodScheduled".equals(condition.getType())
                        && "False".equals(condition.getStatus()))
                .findFirst()
                .map(condition -> Stream.of(condition.getReason(), condition.getMessage()).filter(Objects::nonNull)
                        .collect(Collectors.joining(": ")))
                .filter(text -> !text.isEmpty());
    }

    /** With {@code restartPolicy: Never} a terminated container never comes back, even before the phase says so. */
    private static boolean anyContainerTerminated(Pod pod) {
        return pod.getStatus().getContainerStatuses().stream().map(ContainerStatus::getState)
                .anyMatch(state -> state != null && state.getTerminated() != null);
    }
}
