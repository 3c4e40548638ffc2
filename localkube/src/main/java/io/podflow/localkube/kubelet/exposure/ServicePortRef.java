package io.podflow.localkube.kubelet.exposure;

/** One port of one Service, by the port number the Service publishes. */
public record ServicePortRef(String namespace, String service, int port) {

    @Override
    public String toString() {
        return namespace + "/" + service + ":" + port;
    }
}
