package io.podflow.localkube.kubelet.exposure;

import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.podflow.localkube.kubelet.dns.ServiceAddressResolver;
import java.net.InetSocketAddress;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Picks the pod a new connection to a Service port goes to, from the kubelet's current view of Services
 * and pods: the serving pods its selector picks (as for name resolution), in turn, at the port's
 * {@code targetPort} (a number, or a container port name looked up in that pod).
 */
public final class ServiceBackends {

    private final Supplier<Collection<Service>> services;
    private final Supplier<Collection<Pod>> pods;
    private final AtomicInteger turn = new AtomicInteger();

    public ServiceBackends(Supplier<Collection<Service>> services, Supplier<Collection<Pod>> pods) {
        this.services = services;
        this.pods = pods;
    }

    /** Empty when the Service or port is gone or no pod serves it now. */
    public Optional<InetSocketAddress> pick(ServicePortRef ref) {
        Optional<Service> service = services.get().stream()
                .filter(candidate -> ref.namespace().equals(candidate.getMetadata().getNamespace())
                        && ref.service().equals(candidate.getMetadata().getName()))
                .findFirst();
        Optional<ServicePort> port = service.flatMap(found -> found.getSpec().getPorts().stream()
                .filter(candidate -> candidate.getPort() == ref.port()).findFirst());
        if (port.isEmpty()) {
            return Optional.empty();
        }
        List<Pod> serving = ServiceAddressResolver.servingPods(service.get(), pods.get());
        if (serving.isEmpty()) {
            return Optional.empty();
        }
        Pod pod = serving.get(Math.floorMod(turn.getAndIncrement(), serving.size()));
        return targetPort(port.get(), pod).map(number -> new InetSocketAddress(pod.getStatus().getPodIP(), number));
    }

    static Optional<Integer> targetPort(ServicePort port, Pod pod) {
        IntOrString target = port.getTargetPort();
        if (target == null || (target.getIntVal() == null && target.getStrVal() == null)) {
            return Optional.of(port.getPort());
        }
        if (target.getIntVal() != null) {
            return Optional.of(target.getIntVal());
        }
        return pod.getSpec().getContainers().stream().flatMap(container -> container.getPorts().stream())
                .filter(containerPort -> target.getStrVal().equals(containerPort.getName()))
                .map(ContainerPort::getContainerPort).findFirst();
    }
}
