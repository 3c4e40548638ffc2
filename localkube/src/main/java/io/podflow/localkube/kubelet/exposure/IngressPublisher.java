package io.podflow.localkube.kubelet.exposure;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceStatus;
import io.fabric8.kubernetes.api.model.ServiceStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.podflow.localkube.kubelet.StatusPatch;
import java.util.function.BiConsumer;

/** Writes a LoadBalancer Service's address to its {@code status.loadBalancer.ingress}, keeping the rest of its status. */
public final class IngressPublisher implements BiConsumer<Service, String> {

    private final KubernetesClient client;

    public IngressPublisher(KubernetesClient client) {
        this.client = client;
    }

    @Override
    public void accept(Service service, String ip) {
        ServiceStatusBuilder builder = service.getStatus() == null ? new ServiceStatusBuilder()
                : new ServiceStatusBuilder(service.getStatus());
        ServiceStatus status = builder.withNewLoadBalancer().addNewIngress().withIp(ip).endIngress().endLoadBalancer()
                .build();
        StatusPatch.apply(client.services().inNamespace(service.getMetadata().getNamespace())
                .withName(service.getMetadata().getName()), status);
    }
}
