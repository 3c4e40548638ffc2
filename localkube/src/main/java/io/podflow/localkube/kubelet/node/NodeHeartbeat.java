package io.podflow.localkube.kubelet.node;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps nodes alive in the eyes of the node lifecycle controller: renews each node's Lease in
 * {@code kube-node-lease} and re-posts its Ready status on every beat.
 */
public final class NodeHeartbeat {

    public static final String LEASE_NAMESPACE = "kube-node-lease";
    static final int LEASE_DURATION_SECONDS = 40;
    private static final Logger LOG = LoggerFactory.getLogger(NodeHeartbeat.class);

    private final KubernetesClient client;
    private final NodeRegistrar registrar;
    private final List<NodeIdentity> nodes;
    private final Clock clock;

    public NodeHeartbeat(KubernetesClient client, NodeRegistrar registrar, List<NodeIdentity> nodes, Clock clock) {
        this.client = client;
        this.registrar = registrar;
        this.nodes = List.copyOf(nodes);
        this.clock = clock;
    }

    /** One beat for every node; failures are logged and retried on the next beat. */
    public void beat() {
        String now = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
        for (NodeIdentity node : nodes) {
            try {
                Node current = client.nodes().withName(node.name()).get();
                if (current == null) {
                    LOG.warn("node {} was deleted; registering it again", node.name());
                    current = registrar.register(node, now);
                } else {
                    registrar.publishStatus(node, now, current);
                }
                renewLease(current);
            } catch (RuntimeException e) {
                // never let one failure escape: the scheduler would silently stop all later beats
                LOG.warn("heartbeat of node {} failed: {}", node.name(), e.getMessage());
            }
        }
    }

    private void renewLease(Node node) {
        String name = node.getMetadata().getName();
        ZonedDateTime renewTime = ZonedDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
        Lease existing = client.leases().inNamespace(LEASE_NAMESPACE).withName(name).get();
        if (existing == null) {
            Lease lease = new LeaseBuilder()
                    .withNewMetadata().withName(name).withNamespace(LEASE_NAMESPACE)
                    .addNewOwnerReference().withApiVersion("v1").withKind("Node").withName(name)
                    .withUid(node.getMetadata().getUid()).endOwnerReference()
                    .endMetadata()
                    .withNewSpec().withHolderIdentity(name).withLeaseDurationSeconds(LEASE_DURATION_SECONDS)
                    .withRenewTime(renewTime).endSpec()
                    .build();
            try {
                client.leases().inNamespace(LEASE_NAMESPACE).resource(lease).create();
            } catch (KubernetesClientException e) {
                if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
                    throw e;
                }
            }
            return;
        }
        existing.getSpec().setHolderIdentity(name);
        existing.getSpec().setLeaseDurationSeconds(LEASE_DURATION_SECONDS);
        existing.getSpec().setRenewTime(renewTime);
        client.leases().inNamespace(LEASE_NAMESPACE).resource(existing).update();
    }
}
