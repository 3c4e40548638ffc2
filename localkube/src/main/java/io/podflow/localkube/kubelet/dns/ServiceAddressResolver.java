package io.podflow.localkube.kubelet.dns;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Computes what the endpoints controller would, for loopback pods: the API server refuses
 * loopback Endpoints, so Service names resolve through pod hosts files instead of ClusterIPs.
 */
public final class ServiceAddressResolver {

    private ServiceAddressResolver() {
    }

    public static List<ServiceAddresses> resolve(Collection<Service> services, Collection<Pod> pods) {
        List<ServiceAddresses> result = new ArrayList<>();
        for (Service service : services) {
            Map<String, String> selector = service.getSpec().getSelector();
            if (selector == null || selector.isEmpty() || "ExternalName".equals(service.getSpec().getType())) {
                continue;
            }
            String namespace = service.getMetadata().getNamespace();
            String name = service.getMetadata().getName();
            List<Pod> selected = servingPods(service, pods);
            List<String> ips = selected.stream().map(pod -> pod.getStatus().getPodIP()).toList();
            Map<String, String> podHostnames = new TreeMap<>();
            boolean headless = "None".equals(service.getSpec().getClusterIP());
            if (headless) {
                for (Pod pod : selected) {
                    String hostname = pod.getSpec().getHostname();
                    if (hostname != null && name.equals(pod.getSpec().getSubdomain())) {
                        podHostnames.put(hostname, pod.getStatus().getPodIP());
                    }
                }
            } else if (!ips.isEmpty()) {
                ips = List.of(ips.get(0));
            }
            result.add(new ServiceAddresses(namespace, name, ips, podHostnames));
        }
        return result;
    }

    /**
     * The pods that serve {@code service}, by name: Running (and Ready, unless the service publishes
     * not-ready addresses) pods of its namespace with an IP that its selector picks; none without a selector.
     */
    public static List<Pod> servingPods(Service service, Collection<Pod> pods) {
        Map<String, String> selector = service.getSpec().getSelector();
        if (selector == null || selector.isEmpty()) {
            return List.of();
        }
        String namespace = service.getMetadata().getNamespace();
        boolean notReadyToo = Boolean.TRUE.equals(service.getSpec().getPublishNotReadyAddresses());
        return pods.stream()
                .filter(pod -> namespace.equals(pod.getMetadata().getNamespace()))
                .filter(pod -> matches(selector, pod.getMetadata().getLabels()))
                .filter(pod -> isServing(pod, notReadyToo))
                .sorted(Comparator.comparing(pod -> pod.getMetadata().getName()))
                .toList();
    }

    private static boolean matches(Map<String, String> selector, Map<String, String> labels) {
        return labels != null && labels.entrySet().containsAll(selector.entrySet());
    }

    private static boolean isServing(Pod pod, boolean notReadyToo) {
        var status = pod.getStatus();
        if (status == null || status.getPodIP() == null || !"Running".equals(status.getPhase())
                || pod.getMetadata().getDeletionTimestamp() != null) {
            return false;
        }
        return notReadyToo || status.getConditions().stream()
                .anyMatch(condition -> "Ready".equals(condition.getType()) && "True".equals(condition.getStatus()));
    }
}
