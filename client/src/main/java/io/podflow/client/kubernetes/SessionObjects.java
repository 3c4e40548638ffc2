package io.podflow.client.kubernetes;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.podflow.kubernetes.client.ApiCall;
import io.podflow.kubernetes.client.KubernetesApiException;
import io.podflow.kubernetes.naming.KubernetesLabels;
import io.podflow.kubernetes.naming.KubernetesObjectNames;
import java.util.Optional;
import java.util.function.Supplier;

/** Reads what a running session consists of, each failed API call turned into a one-line {@link KubernetesApiException}. */
final class SessionObjects {

    private final KubernetesClient client;
    private final String namespace;
    private final KubernetesObjectNames names;

    SessionObjects(KubernetesClient client, String namespace, KubernetesObjectNames names) {
        this.client = client;
        this.namespace = namespace;
        this.names = names;
    }

    Optional<Deployment> deployment() {
        return Optional.ofNullable(call("get", "deployments",
                () -> client.apps().deployments().inNamespace(namespace).withName(names.deployment()).get()));
    }

    Optional<Service> restService() {
        return Optional.ofNullable(call("get", "services",
                () -> client.services().inNamespace(namespace).withName(names.restService()).get()));
    }

    boolean jobManagerPodReady() {
        return call("list", "pods", () -> client.pods().inNamespace(namespace)
                .withLabels(KubernetesLabels.selector(names.clusterId(), KubernetesLabels.COMPONENT_JOBMANAGER))
                .list().getItems().stream().anyMatch(SessionObjects::ready));
    }

    /** The host of the API server, standing in for a node's address where the client knows no node. */
    String nodeHost() {
        return client.getMasterUrl().getHost();
    }

    private static boolean ready(Pod pod) {
        return pod.getStatus() != null && pod.getStatus().getConditions().stream()
                .anyMatch(condition -> "Ready".equals(condition.getType()) && "True".equals(condition.getStatus()));
    }

    private <T> T call(String verb, String resource, Supplier<T> request) {
        try {
            return request.get();
        } catch (KubernetesClientException e) {
            throw KubernetesApiException.from(e, new ApiCall(verb, resource, namespace, null));
        }
    }
}
