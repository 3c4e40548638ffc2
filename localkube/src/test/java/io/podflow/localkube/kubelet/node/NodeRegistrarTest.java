package io.podflow.localkube.kubelet.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class NodeRegistrarTest {

    KubernetesClient client;

    private final NodeCapacity small = new NodeCapacity("2", "4Gi", "10");
    private NodeRegistrar registrar;

    @BeforeEach
    void setUp() {
        registrar = new NodeRegistrar(client, new NodeStatusFactory(small, "2026-01-01T00:00:00Z"));
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NodeHeartbeat.LEASE_NAMESPACE)
                .endMetadata().build()).create();
    }

    @Test
    void registeredNodesAreReadyWithLoopbackAddressCapacityAndKubeletPort() {
        List<NodeIdentity> nodes = NodeIdentity.numbered(2);
        nodes.forEach(node -> registrar.register(node, "2026-01-01T00:00:05Z"));

        Node second = client.nodes().withName("localkube-node-2").get();
        assertNotNull(second);
        assertEquals("127.0.100.2", second.getStatus().getAddresses().stream()
                .filter(address -> address.getType().equals("InternalIP")).findFirst().orElseThrow().getAddress());
        assertEquals(NodeIdentity.KUBELET_PORT, second.getStatus().getDaemonEndpoints().getKubeletEndpoint().getPort());
        assertEquals(new Quantity("4Gi"), second.getStatus().getAllocatable().get("memory"));
        assertEquals(new Quantity("2"), second.getStatus().getCapacity().get("cpu"));
        assertEquals("True", condition(second, "Ready").getStatus());
        assertEquals("False", condition(second, "MemoryPressure").getStatus());
    }

    @Test
    void registeringAgainAdoptsTheExistingNode() {
        NodeIdentity node = NodeIdentity.numbered(1).get(0);
        registrar.register(node, "2026-01-01T00:00:05Z");
        registrar.register(node, "2026-01-01T00:01:05Z");

        assertEquals(1, client.nodes().list().getItems().size());
        assertEquals("2026-01-01T00:01:05Z", condition(client.nodes().withName(node.name()).get(), "Ready")
                .getLastHeartbeatTime());
    }

    @Test
    void readyKeepsItsTransitionTimeWhileReadyAndShowsWhenTheNodeCameBack() {
        NodeIdentity node = NodeIdentity.numbered(1).get(0);
        registrar.register(node, "2026-01-01T00:00:05Z");
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:15Z"));
        NodeHeartbeat heartbeat = new NodeHeartbeat(client, registrar, List.of(node), clock);
        heartbeat.beat();
        assertEquals("2026-01-01T00:00:05Z", condition(client.nodes().withName(node.name()).get(), "Ready")
                .getLastTransitionTime());

        // what the node lifecycle controller writes when heartbeats stop coming
        Node lost = client.nodes().withName(node.name()).get();
        condition(lost, "Ready").setStatus("Unknown");
        condition(lost, "Ready").setLastTransitionTime("2026-01-01T00:01:00Z");
        client.nodes().resource(lost).updateStatus();
        clock.advance(Duration.ofMinutes(2));
        heartbeat.beat();

        NodeCondition ready = condition(client.nodes().withName(node.name()).get(), "Ready");
        assertEquals("True", ready.getStatus());
        assertEquals("2026-01-01T00:02:15Z", ready.getLastTransitionTime());
    }

    @Test
    void heartbeatCreatesThenRenewsTheNodeLeaseAndReRegistersADeletedNode() {
        NodeIdentity node = NodeIdentity.numbered(1).get(0);
        registrar.register(node, "2026-01-01T00:00:05Z");
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:10Z"));
        NodeHeartbeat heartbeat = new NodeHeartbeat(client, registrar, List.of(node), clock);

        heartbeat.beat();
        Lease lease = client.leases().inNamespace(NodeHeartbeat.LEASE_NAMESPACE).withName(node.name()).get();
        assertEquals(node.name(), lease.getSpec().getHolderIdentity());
        assertEquals(NodeHeartbeat.LEASE_DURATION_SECONDS, lease.getSpec().getLeaseDurationSeconds());
        assertEquals("Node", lease.getMetadata().getOwnerReferences().get(0).getKind());

        clock.advance(Duration.ofSeconds(10));
        heartbeat.beat();
        Lease renewed = client.leases().inNamespace(NodeHeartbeat.LEASE_NAMESPACE).withName(node.name()).get();
        assertTrue(renewed.getSpec().getRenewTime().toInstant().isAfter(lease.getSpec().getRenewTime().toInstant()));
        assertEquals("2026-01-01T00:00:20Z", condition(client.nodes().withName(node.name()).get(), "Ready")
                .getLastHeartbeatTime());

        client.nodes().withName(node.name()).delete();
        heartbeat.beat();
        assertEquals("True", condition(client.nodes().withName(node.name()).get(), "Ready").getStatus());
    }

    private static NodeCondition condition(Node node, String type) {
        return node.getStatus().getConditions().stream().filter(c -> c.getType().equals(type)).findFirst()
                .orElseThrow();
    }

    /** A clock tests move by hand. */
    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
