package io.podflow.localkube.kubelet.api;

/** One container of one pod, as the kubelet API paths name it. */
public record ContainerRef(String namespace, String pod, String container) {

    @Override
    public String toString() {
        return namespace + "/" + pod + "/" + container;
    }
}
