package io.podflow.localkube.kubelet.pod;

import io.fabric8.kubernetes.api.model.PodStatus;
import io.podflow.localkube.kubelet.container.ContainerProcess;

/** What the pod worker reacts to; each event only says "look again" at part of the world. */
public sealed interface KubeletEvent {

    /** A pod was added, changed or deleted in the API server (key {@code namespace/name}). */
    record PodChanged(String key) implements KubeletEvent {
    }

    /** A Secret or ConfigMap was added or changed: containers that lacked one may start now. */
    record ConfigChanged() implements KubeletEvent {
    }

    /** A Service changed, so hosts files may need rewriting. */
    record ServicesChanged() implements KubeletEvent {
    }

    /**
     * A container start begun on a launch thread has finished: {@code process} is set when the
     * container runs, {@code failure} when it could not be started.
     */
    record ContainerLaunched(String podUid, String container, ContainerProcess process, RuntimeException failure)
            implements KubeletEvent {
    }

    /** A container process ended. */
    record ContainerExited(String podUid, String container, int attempt, int exitCode) implements KubeletEvent {
    }

    /** A readiness or liveness probe crossed its threshold. */
    record ProbeOutcome(String podUid, String container, int attempt, boolean liveness, boolean success)
            implements KubeletEvent {
    }

    /** The API server did not accept a status patch for the pod. */
    record StatusRejected(String podUid, PodStatus status) implements KubeletEvent {
    }

    /** Once a second: back-off timers, kill deadlines, hosts files. */
    record Tick() implements KubeletEvent {
    }

    /** The kubelet is stopping: end every container. */
    record Shutdown() implements KubeletEvent {
    }
}
