package io.podflow.kubernetes.spec;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.podflow.kubernetes.KubernetesConfigOptions.ServiceExposedType;
import java.util.Map;

/** The JobManager's two Services: headless for RPC and blobs inside the cluster, and the REST Service. */
public final class KubernetesServices {

    private KubernetesServices() {
    }

    /** Headless, so {@code <id>.<ns>} resolves straight to the JobManager pod's IP. */
    public static Service internal(String name, String namespace, Map<String, String> labels,
            Map<String, String> selector, ClusterPorts ports) {
        return new ServiceBuilder().withNewMetadata().withName(name).withNamespace(namespace).withLabels(labels)
                .endMetadata().withNewSpec().withClusterIP("None").withSelector(selector)
                .withPorts(port("jobmanager-rpc", ports.jobManagerRpc()), port("blobserver", ports.blob()))
                .endSpec().build();
    }

    public static Service rest(String name, String namespace, Map<String, String> labels,
            Map<String, String> selector, ClusterPorts ports, ServiceExposedType type) {
        if (type == ServiceExposedType.ExternalName) {
            throw new IllegalArgumentException("An ExternalName Service cannot expose the JobManager's REST port");
        }
        return new ServiceBuilder().withNewMetadata().withName(name).withNamespace(namespace).withLabels(labels)
                .endMetadata().withNewSpec().withType(type.name()).withSelector(selector)
                .withPorts(port("rest", ports.rest())).endSpec().build();
    }

    private static ServicePort port(String name, int port) {
        return new ServicePortBuilder().withName(name).withPort(port).withNewTargetPort(port).withProtocol("TCP")
                .build();
    }
}
