package io.podflow.kubernetes.client;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LoadBalancerIngress;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * How a user outside the cluster reaches the JobManager's REST Service: an address when the Service type gives
 * one, else the {@code kubectl port-forward} command that makes {@code localhost} work.
 *
 * @param url where the REST endpoint answers, when reachable without a port-forward
 * @param instructions one line for people saying how to reach it
 */
public record RestServiceAccess(Optional<String> url, String instructions) {

    /**
     * Reads the Service as the API server returned it. {@code nodeHost} gives a node's address (the API server's
     * host serves where nodes are not known); it is asked only for NodePort and for a LoadBalancer still waiting for
     * its address.
     */
    public static RestServiceAccess of(Service service, Supplier<String> nodeHost) {
        String name = service.getMetadata().getName();
        String namespace = service.getMetadata().getNamespace();
        ServicePort port = service.getSpec().getPorts().get(0);
        String type = service.getSpec().getType() == null ? "ClusterIP" : service.getSpec().getType();
        return switch (type) {
            case "LoadBalancer" -> loadBalancerAddress(service).map(host -> reachable(host, port.getPort()))
                    .orElseGet(() -> nodePort(nodeHost, port, " until the load balancer of " + name
                            + " gets an external address (kubectl get services/" + name + ")"));
            case "NodePort" -> nodePort(nodeHost, port, "");
            default -> new RestServiceAccess(Optional.empty(), "Run 'kubectl port-forward service/" + name + " "
                    + port.getPort() + (namespace == null ? "" : " -n " + namespace) + "', then open http://localhost:"
                    + port.getPort());
        };
    }

    /**
     * The port on {@code pod} that the Service's REST port sends to: its target port, a named one looked up among the
     * pod's container ports, or the Service port itself when no target is set.
     *
     * @throws IllegalStateException when the target port is named and no container of the pod declares that name
     */
    public static int targetPort(Service service, Pod pod) {
        ServicePort port = service.getSpec().getPorts().get(0);
        IntOrString target = port.getTargetPort();
        if (target == null) {
            return port.getPort();
        }
        if (target.getStrVal() == null) {
            return target.getIntVal();
        }
        return pod.getSpec().getContainers().stream().map(Container::getPorts).flatMap(List::stream)
                .filter(containerPort -> target.getStrVal().equals(containerPort.getName()))
                .map(ContainerPort::getContainerPort).findFirst()
                .orElseThrow(() -> new IllegalStateException("Pod " + pod.getMetadata().getName()
                        + " has no container port named '" + target.getStrVal() + "' that Service "
                        + service.getMetadata().getName() + " targets"));
    }

    private static RestServiceAccess nodePort(Supplier<String> nodeHost, ServicePort port, String note) {
        if (port.getNodePort() == null) {
            return new RestServiceAccess(Optional.empty(), "The REST Service has no node port yet" + note);
        }
        String url = "http://" + nodeHost.get() + ":" + port.getNodePort();
        return new RestServiceAccess(Optional.of(url), "The REST endpoint is at " + url + note);
    }

    private static RestServiceAccess reachable(String host, int port) {
        String url = "http://" + host + ":" + port;
        return new RestServiceAccess(Optional.of(url), "The REST endpoint is at " + url);
    }

    private static Optional<String> loadBalancerAddress(Service service) {
        if (service.getStatus() == null || service.getStatus().getLoadBalancer() == null) {
            return Optional.empty();
        }
        List<LoadBalancerIngress> ingress = service.getStatus().getLoadBalancer().getIngress();
        return ingress.stream().map(entry -> entry.getIp() != null ? entry.getIp() : entry.getHostname())
                .filter(host -> host != null && !host.isEmpty()).findFirst();
    }
}
