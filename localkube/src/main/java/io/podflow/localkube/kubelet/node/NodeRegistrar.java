package io.podflow.localkube.kubelet.node;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.podflow.localkube.kubelet.StatusPatch;
import java.net.HttpURLConnection;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates (or re-adopts) a Node object and publishes its status. */
public final class NodeRegistrar {

    private static final Logger LOG = LoggerFactory.getLogger(NodeRegistrar.class);

    private final KubernetesClient client;
    private final NodeStatusFactory statuses;

    public NodeRegistrar(KubernetesClient client, NodeStatusFactory statuses) {
        this.client = client;
        this.statuses = statuses;
    }

    /** Registers {@code node}; a Node left by a previous run is kept and its status refreshed. */
    public Node register(NodeIdentity node, String now) {
        Node desired = new NodeBuilder()
                .withNewMetadata()
                .withName(node.name())
                .withLabels(Map.of(
                        "kubernetes.io/hostname", node.name(),
                        "kubernetes.io/os", "linux",
                        "kubernetes.io/arch", "amd64",
                        "node.localkube.podflow.io/process-kubelet", "true"))
                .endMetadata()
                .build();
        Node current;
        try {
            current = client.nodes().resource(desired).create();
            LOG.info("registered node {} at {}", node.name(), node.ip());
        } catch (KubernetesClientException e) {
            if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
                throw e;
            }
            LOG.info("node {} already registered; taking it over", node.name());
            current = client.nodes().withName(node.name()).get();
        }
        return publishStatus(node, now, current);
    }

    /** Publishes a Ready status; {@code current} is the Node as the API server holds it now (or null). */
    public Node publishStatus(NodeIdentity node, String now, Node current) {
        return StatusPatch.apply(client.nodes().withName(node.name()),
                statuses.status(node, now, current == null ? null : current.getStatus()));
    }
}
