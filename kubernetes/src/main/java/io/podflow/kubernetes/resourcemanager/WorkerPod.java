package io.podflow.kubernetes.resourcemanager;

import java.time.Instant;
import java.util.Objects;

/**
 * What the driver knows of one TaskManager pod.
 *
 * @param phaseSince when the pod entered {@code phase} (or was first seen in it)
 * @param registered whether its TaskManager has registered with the ResourceManager
 * @param idleSince since when its registered TaskManager holds no allocated slot; null when busy or unregistered
 * @param deleting whether the driver has already asked for its deletion
 */
public record WorkerPod(String name, int attempt, WorkerPodPhase phase, Instant phaseSince, boolean registered,
        Instant idleSince, boolean deleting) {

    public WorkerPod {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(phaseSince, "phaseSince");
    }

    boolean isLive() {
        return phase == WorkerPodPhase.REQUESTED || phase == WorkerPodPhase.PENDING || phase == WorkerPodPhase.RUNNING;
    }
}
