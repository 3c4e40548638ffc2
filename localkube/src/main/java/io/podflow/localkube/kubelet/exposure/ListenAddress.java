package io.podflow.localkube.kubelet.exposure;

/** A loopback address and port the kubelet listens on for a Service. */
public record ListenAddress(String ip, int port) {

    @Override
    public String toString() {
        return ip + ":" + port;
    }
}
