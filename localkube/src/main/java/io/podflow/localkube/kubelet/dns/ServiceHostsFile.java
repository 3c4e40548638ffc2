package io.podflow.localkube.kubelet.dns;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders a pod's {@code /etc/hosts}: localhost, the pod's own hostname, and every Service name
 * (short name only within the pod's namespace) mapped to the pod addresses behind it.
 */
public final class ServiceHostsFile {

    static final String CLUSTER_DOMAIN = "cluster.local";

    private ServiceHostsFile() {
    }

    /**
     * @param hostname the pod's hostname ({@code spec.hostname} or its name)
     * @param subdomain {@code spec.subdomain}, or null
     */
    public static String render(String namespace, String hostname, String subdomain, String podIp,
            List<ServiceAddresses> services) {
        StringBuilder out = new StringBuilder("# Kubernetes-managed hosts file (localkube process kubelet).\n");
        out.append("127.0.0.1\tlocalhost\n");
        out.append("::1\tlocalhost ip6-localhost ip6-loopback\n");
        out.append(podIp).append('\t');
        if (subdomain != null && !subdomain.isEmpty()) {
            out.append(hostname).append('.').append(subdomain).append('.').append(namespace).append(".svc.")
                    .append(CLUSTER_DOMAIN).append(' ');
        }
        out.append(hostname).append('\n');
        for (ServiceAddresses service : services) {
            List<String> names = new ArrayList<>(serviceNames(service.name() + "." + service.namespace()));
            if (service.namespace().equals(namespace)) {
                names.add(service.name());
            }
            String joined = String.join(" ", names);
            for (String ip : service.ips()) {
                out.append(ip).append('\t').append(joined).append('\n');
            }
            service.podHostnames().forEach((podHostname, ip) -> out.append(ip).append('\t')
                    .append(String.join(" ", serviceNames(podHostname + "." + service.name() + "."
                            + service.namespace()))).append('\n'));
        }
        return out.toString();
    }

    private static List<String> serviceNames(String nameDotNamespace) {
        return List.of(nameDotNamespace + ".svc." + CLUSTER_DOMAIN, nameDotNamespace + ".svc", nameDotNamespace);
    }
}
