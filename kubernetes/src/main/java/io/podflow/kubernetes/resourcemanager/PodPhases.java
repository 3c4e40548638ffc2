package io.podflow.kubernetes.resourcemanager;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;

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

    /** With {@code restartPolicy: Never} a terminated container never comes back, even before the phase says so. */
    private static boolean anyContainerTerminated(Pod pod) {
        return pod.getStatus().getContainerStatuses().stream().map(ContainerStatus::getState)
                .anyMatch(state -> state != null && state.getTerminated() != null);
    }
}
