package io.podflow.localkube.kubelet;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.podflow.localkube.cluster.LocalKube;
import io.podflow.localkube.cluster.LocalKubeExtension;
import io.podflow.localkube.kubelet.node.NodeHeartbeat;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Idle nodes stay Ready with fresh leases for ten minutes, so the node lifecycle controller never
 * marks them NotReady. Tagged {@code long}: excluded unless run with {@code -DexcludedGroups= -Dgroups=long}.
 */
@Tag("long")
@ExtendWith(LocalKubeExtension.class)
class NodeReadinessSoakIT {

    private static final Duration SOAK = Duration.ofMinutes(10);
    private static final Duration LEASE_FRESHNESS = Duration.ofSeconds(40);

    @Test
    void nodesStayReadyWithFreshLeasesForTenMinutes(LocalKube localKube) {
        KubernetesClient client = localKube.client();
        List<Node> nodes = client.nodes().withLabel("node.localkube.podflow.io/process-kubelet", "true").list()
                .getItems();
        assertFalse(nodes.isEmpty(), "no process-kubelet nodes registered");
        Instant end = Instant.now().plus(SOAK);

        await().atMost(SOAK.plusMinutes(1)).pollInterval(Duration.ofSeconds(15)).until(() -> {
            for (Node node : nodes) {
                String name = node.getMetadata().getName();
                Node current = client.nodes().withName(name).get();
                assertTrue(current.getStatus().getConditions().stream()
                        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus())), name + " not Ready");
                Lease lease = client.leases().inNamespace(NodeHeartbeat.LEASE_NAMESPACE).withName(name).get();
                Instant renewed = lease.getSpec().getRenewTime().toInstant();
                assertTrue(renewed.isAfter(Instant.now().minus(LEASE_FRESHNESS)), name + " lease last renewed " + renewed);
            }
            return Instant.now().isAfter(end);
        });
    }
}
