package io.podflow.localkube.kubelet.api;

import io.fabric8.kubernetes.api.model.Pod;
import java.util.Optional;
import java.util.function.Function;

/** What the kubelet API reads about pods: the pods this kubelet knows (by {@code namespace/name}), their files and processes. */
public record PodAccess(Function<String, Pod> podsByKey, PodFiles files, ContainerInits inits) {

    public Optional<Pod> pod(String namespace, String name) {
        return Optional.ofNullable(podsByKey.apply(namespace + "/" + name));
    }

    /** The pod's current IP, empty when it has none (yet) or is gone. */
    public Optional<String> podIp(String namespace, String name) {
        return pod(namespace, name).map(Pod::getStatus).map(status -> status.getPodIP());
    }
}
