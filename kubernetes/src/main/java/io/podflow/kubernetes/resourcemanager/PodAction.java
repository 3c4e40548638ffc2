package io.podflow.kubernetes.resourcemanager;

/** One change the reconcile step asks the driver to make. */
public sealed interface PodAction {

    String podName();

    /** Create TaskManager pod {@code podName}. */
    record CreatePod(String podName) implements PodAction {
    }

    /** Delete pod {@code podName}; {@code reason} is for people (logs, the ResourceManager's worker events). */
    record DeletePod(String podName, String reason) implements PodAction {
    }

    /** Stop tracking pod {@code podName}, which no longer exists or never did. */
    record ForgetPod(String podName, String reason) implements PodAction {
    }
}
