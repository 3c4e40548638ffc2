package io.podflow.client.kubernetes;

import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.LocalPortForward;
import io.podflow.kubernetes.client.ApiCall;
import io.podflow.kubernetes.client.KubernetesApiException;
import io.podflow.kubernetes.naming.KubernetesObjectNames;
import io.podflow.kubernetes.spec.ClusterSecret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads what a running cluster consists of and opens port-forwards to its pods, each failed API call turned into a
 * one-line {@link KubernetesApiException}.
 */
final class SessionObjects {

    private static final Logger LOG = LoggerFactory.getLogger(SessionObjects.class);

    private final KubernetesClient client;
    private final String namespace;
    private final KubernetesObjectNames names;

    SessionObjects(KubernetesClient client, String namespace, KubernetesObjectNames names) {
        this.client = client;
        this.namespace = namespace;
        this.names = names;
    }

    String clusterId() {
        return names.clusterId();
    }

    String namespace() {
        return namespace;
    }

    KubernetesObjectNames names() {
        return names;
    }

    Optional<Deployment> deployment() {
        return Optional.ofNullable(call("get", "deployments",
                () -> client.apps().deployments().inNamespace(namespace).withName(names.deployment()).get()));
    }

    Optional<Service> restService() {
        return Optional.ofNullable(call("get", "services",
                () -> client.services().inNamespace(namespace).withName(names.restService()).get()));
    }

    /** The REST token in the cluster's Secret, if the Secret holds one. */
    Optional<String> restToken() {
        Secret secret = call("get", "secrets",
                () -> client.secrets().inNamespace(namespace).withName(names.secret()).get());
        return Optional.ofNullable(secret).map(Secret::getData).map(data -> data.get(ClusterSecret.REST_TOKEN_KEY))
                .map(encoded -> new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8));
    }

    /** The pods {@code selector} picks that are Running and Ready. */
    List<Pod> readyPods(Map<String, String> selector) {
        return call("list", "pods", () -> client.pods().inNamespace(namespace).withLabels(selector).list().getItems())
                .stream().filter(SessionObjects::runningAndReady).toList();
    }

    /** Forwards a free local port to {@code port} of {@code pod} until the returned forward is closed. */
    LocalPortForward portForward(Pod pod, int port) {
        return call("portforward", "pods",
                () -> client.pods().inNamespace(namespace).withName(pod.getMetadata().getName()).portForward(port));
    }

    /**
     * A node's address (its ExternalIP, else its InternalIP), where a NodePort Service answers; the API server's host
     * where this client may not list nodes or none has an address, as the API server often runs on a node.
     */
    String nodeHost() {
        try {
            return client.nodes().list(new ListOptionsBuilder().withLimit(1L).build()).getItems().stream()
                    .map(SessionObjects::address).flatMap(Optional::stream).findFirst()
                    .orElseGet(() -> client.getMasterUrl().getHost());
        } catch (KubernetesClientException e) {
            LOG.debug("Cannot list nodes ({}); taking the API server's host for a node's", e.getMessage());
            return client.getMasterUrl().getHost();
        }
    }

    private static Optional<String> address(Node node) {
        List<NodeAddress> addresses = node.getStatus() == null ? List.of() : node.getStatus().getAddresses();
        return Stream.of("ExternalIP", "InternalIP").flatMap(type -> addresses.stream()
                .filter(address -> type.equals(address.getType())).map(NodeAddress::getAddress)).findFirst();
    }

    private static boolean runningAndReady(Pod pod) {
        return pod.getStatus() != null && "Running".equals(pod.getStatus().getPhase())
                && pod.getStatus().getConditions().stream().anyMatch(condition -> "Ready".equals(condition.getType())
                        && "True".equals(condition.getStatus()));
    }

    private <T> T call(String verb, String resource, Supplier<T> request) {
        try {
            return request.get();
        } catch (KubernetesClientException e) {
            throw KubernetesApiException.from(e, new ApiCall(verb, resource, namespace, null));
        }
    }
}
