package io.podflow.localkube.kubelet.pod;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/** The kubelet's side of one pod: its sandbox, its containers, and the status it last reported. */
final class PodRuntime {

    private final String uid;
    private final PodSandbox sandbox;
    private final String startTime;
    private final Map<String, ContainerRuntime> initContainers = new LinkedHashMap<>();
    private final Map<String, ContainerRuntime> containers = new LinkedHashMap<>();
    private Pod pod;
    private PodStatus reported;
    private boolean deleteRequested;

    PodRuntime(Pod pod, PodSandbox sandbox, String startTime) {
        this.uid = pod.getMetadata().getUid();
        this.pod = pod;
        this.sandbox = sandbox;
        this.startTime = startTime;
        for (Container container : pod.getSpec().getInitContainers()) {
            initContainers.put(container.getName(),
                    new ContainerRuntime(container.getName(), container.getImage(), "ContainerCreating"));
        }
        String waitingReason = initContainers.isEmpty() ? "ContainerCreating" : "PodInitializing";
        for (Container container : pod.getSpec().getContainers()) {
            containers.put(container.getName(),
                    new ContainerRuntime(container.getName(), container.getImage(), waitingReason));
        }
    }

    String uid() {
        return uid;
    }

    Pod pod() {
        return pod;
    }

    void update(Pod latest) {
        this.pod = latest;
    }

    PodSandbox sandbox() {
        return sandbox;
    }

    String startTime() {
        return startTime;
    }

    /** The app containers, in spec order. */
    Collection<ContainerRuntime> containers() {
        return containers.values();
    }

    Collection<ContainerRuntime> initContainers() {
        return initContainers.values();
    }

    /** An init or app container by name (Kubernetes keeps the names of both kinds distinct). */
    ContainerRuntime container(String name) {
        ContainerRuntime init = initContainers.get(name);
        return init != null ? init : containers.get(name);
    }

    boolean isInitContainer(String name) {
        return initContainers.containsKey(name);
    }

    /** The first init container that has not yet succeeded, or null when the pod is initialized. */
    ContainerRuntime pendingInitContainer() {
        return initContainers.values().stream().filter(init -> !init.isDoneSuccessfully()).findFirst().orElse(null);
    }

    /** A container runs or is being started: a deleted pod is not finished until neither is true. */
    boolean anyRunningOrLaunching() {
        return Stream.concat(initContainers.values().stream(), containers.values().stream())
                .anyMatch(container -> container.isRunning() || container.isLaunching());
    }

    /** Every container, init containers first. */
    Collection<ContainerRuntime> allContainers() {
        return Stream.concat(initContainers.values().stream(), containers.values().stream()).toList();
    }

    boolean isTerminating() {
        return pod.getMetadata().getDeletionTimestamp() != null;
    }

    PodStatus reported() {
        return reported;
    }

    void reported(PodStatus status) {
        this.reported = status;
    }

    /** True the first time it is called: the final delete is sent once. */
    boolean requestDeleteOnce() {
        boolean first = !deleteRequested;
        deleteRequested = true;
        return first;
    }
}
