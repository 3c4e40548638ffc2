package io.podflow.localkube.kubelet.pod;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** The kubelet's side of one pod: its sandbox, its containers, and the status it last reported. */
final class PodRuntime {

    private final String uid;
    private final PodSandbox sandbox;
    private final String startTime;
    private final Map<String, ContainerRuntime> containers = new LinkedHashMap<>();
    private Pod pod;
    private PodStatus reported;
    private boolean deleteRequested;

    PodRuntime(Pod pod, PodSandbox sandbox, String startTime) {
        this.uid = pod.getMetadata().getUid();
        this.pod = pod;
        this.sandbox = sandbox;
        this.startTime = startTime;
        for (Container container : pod.getSpec().getContainers()) {
            containers.put(container.getName(), new ContainerRuntime(container.getName(), container.getImage()));
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

    Collection<ContainerRuntime> containers() {
        return containers.values();
    }

    ContainerRuntime container(String name) {
        return containers.get(name);
    }

    boolean anyRunning() {
        return containers.values().stream().anyMatch(ContainerRuntime::isRunning);
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
