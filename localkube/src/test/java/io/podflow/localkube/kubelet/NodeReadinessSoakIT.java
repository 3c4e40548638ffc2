package io.podflow.localkube.kubelet;

import static io.podflow.localkube.kubelet.KubeletTestPods.awaitPod;
import static io.podflow.localkube.kubelet.KubeletTestPods.phase;
import static io.podflow.localkube.kubelet.KubeletTestPods.ready;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.podflow.localkube.cluster.LocalKube;
import io.podflow.localkube.cluster.LocalKubeExtension;
import io.podflow.localkube.cluster.TestNamespace;
import io.podflow.localkube.kubelet.node.NodeHeartbeat;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Idle nodes stay Ready without a single flap and a pod on them is never evicted. Ready's
 * lastTransitionTime must not move during the soak, so a flap between two looks counts too. Ten
 * minutes, as the localkube issue asks: fifteen of the node lifecycle controller's 40-second grace
 * periods, 60 heartbeats per node and twenty informer resyncs. Tagged {@code long}: it runs in CI (the {@code ci} profile, on with {@code CI=true}) and
 * otherwise only when asked for ({@code -DexcludedGroups= -Dit.test=NodeReadinessSoakIT}).
 */
@Tag("long")
@ExtendWith(LocalKubeExtension.class)
class NodeReadinessSoakIT {

    private static final Duration SOAK = Duration.ofMinutes(10);
    private static final Duration LOOK_EVERY = Duration.ofSeconds(5);
    private static final Duration LEASE_FRESHNESS = Duration.ofSeconds(40);
    private static final List<String> LOST_NODE_TAINTS = List.of("node.kubernetes.io/not-ready",
            "node.kubernetes.io/unreachable");

    @Test
    void nodesStayReadyWithoutAFlapAndTheirPodsAreNeverEvicted(LocalKube localKube, TestNamespace namespace) {
        KubernetesClient client = localKube.client();
        List<Node> nodes = client.nodes().withLabel("node.localkube.podflow.io/process-kubelet", "true").list()
                .getItems();
        assertFalse(nodes.isEmpty(), "no process-kubelet nodes registered");
        Map<String, String> readySince = new HashMap<>();
        for (Node node : nodes) {
            NodeCondition ready = readyCondition(node);
            assertEquals("True", ready.getStatus(), node.getMetadata().getName() + " not Ready at the start");
            readySince.put(node.getMetadata().getName(), ready.getLastTransitionTime());
        }
        String ns = namespace.name();
        client.pods().inNamespace(ns).resource(new PodBuilder().withNewMetadata().withName("canary").endMetadata()
                .withNewSpec().withTerminationGracePeriodSeconds(0L)
                .addNewContainer().withName("main").withImage("debian:bookworm").withCommand("sleep", "3600")
                .endContainer().endSpec().build()).create();
        Pod canary = awaitPod(client, ns, "canary", pod -> phase(pod, "Running") && ready(pod));
        Instant end = Instant.now().plus(SOAK);

        await().atMost(SOAK.plusMinutes(2)).pollInterval(LOOK_EVERY).until(() -> {
            for (Node node : nodes) {
                assertStillReady(client, node.getMetadata().getName(), readySince.get(node.getMetadata().getName()));
            }
            assertNotEvicted(client.pods().inNamespace(ns).withName("canary").get(), canary);
            return Instant.now().isAfter(end);
        });
    }

    private static void assertStillReady(KubernetesClient client, String name, String readySince) {
        Node current = client.nodes().withName(name).get();
        NodeCondition ready = readyCondition(current);
        assertEquals("True", ready.getStatus(), name + " not Ready: " + ready.getMessage());
        assertEquals(readySince, ready.getLastTransitionTime(), name + " left Ready and came back");
        if (current.getSpec().getTaints() != null) {
            current.getSpec().getTaints().forEach(taint ->
                    assertFalse(LOST_NODE_TAINTS.contains(taint.getKey()), name + " tainted " + taint.getKey()));
        }
        Lease lease = client.leases().inNamespace(NodeHeartbeat.LEASE_NAMESPACE).withName(name).get();
        Instant renewed = lease.getSpec().getRenewTime().toInstant();
        assertTrue(renewed.isAfter(Instant.now().minus(LEASE_FRESHNESS)), name + " lease last renewed " + renewed);
    }

    private static void assertNotEvicted(Pod current, Pod started) {
        assertEquals(started.getMetadata().getUid(), current.getMetadata().getUid(), "canary pod was replaced");
        assertNull(current.getMetadata().getDeletionTimestamp(), "canary pod is being deleted");
        assertTrue(phase(current, "Running") && ready(current), "canary pod not Running and Ready");
        assertEquals(0, current.getStatus().getContainerStatuses().get(0).getRestartCount(), "canary restarted");
    }

    private static NodeCondition readyCondition(Node node) {
        return node.getStatus().getConditions().stream().filter(c -> "Ready".equals(c.getType())).findFirst()
                .orElseThrow();
    }
}
