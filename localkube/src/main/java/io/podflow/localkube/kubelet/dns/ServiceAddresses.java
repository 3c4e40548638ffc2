package io.podflow.localkube.kubelet.dns;

import java.util.List;
import java.util.Map;

/**
 * The pod addresses a Service name resolves to: one ready pod for a ClusterIP service, every ready
 * pod for a headless one; {@code podHostnames} are the per-pod names a headless service gives
 * pods whose {@code subdomain} is the service.
 */
public record ServiceAddresses(String namespace, String name, List<String> ips, Map<String, String> podHostnames) {

    public ServiceAddresses {
        ips = List.copyOf(ips);
        podHostnames = Map.copyOf(podHostnames);
    }
}
