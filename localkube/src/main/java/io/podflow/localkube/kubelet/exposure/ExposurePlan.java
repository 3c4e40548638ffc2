package io.podflow.localkube.kubelet.exposure;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where Services should answer: every port of a NodePort or LoadBalancer Service on each node address at
 * its {@code nodePort}, and every port of a LoadBalancer Service on the Service's own address at its port.
 */
public final class ExposurePlan {

    private ExposurePlan() {
    }

    /** @param loadBalancerIp the address of a LoadBalancer Service, empty when none could be given */
    public static Map<ListenAddress, ServicePortRef> of(Collection<Service> services, List<String> nodeIps,
            Function<Service, Optional<String>> loadBalancerIp) {
        Map<ListenAddress, ServicePortRef> plan = new LinkedHashMap<>();
        for (Service service : services) {
            String type = service.getSpec().getType();
            boolean loadBalancer = "LoadBalancer".equals(type);
            if (!loadBalancer && !"NodePort".equals(type)) {
                continue;
            }
            Optional<String> ownIp = loadBalancer ? loadBalancerIp.apply(service) : Optional.empty();
            for (ServicePort port : service.getSpec().getPorts()) {
                if (port.getProtocol() != null && !"TCP".equals(port.getProtocol())) {
                    continue;
                }
                ServicePortRef ref = new ServicePortRef(service.getMetadata().getNamespace(),
                        service.getMetadata().getName(), port.getPort());
                if (port.getNodePort() != null) {
                    nodeIps.forEach(ip -> plan.put(new ListenAddress(ip, port.getNodePort()), ref));
                }
                ownIp.ifPresent(ip -> plan.put(new ListenAddress(ip, port.getPort()), ref));
            }
        }
        return plan;
    }
}
