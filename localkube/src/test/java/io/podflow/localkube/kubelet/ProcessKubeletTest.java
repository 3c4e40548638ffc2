package io.podflow.localkube.kubelet;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.podflow.localkube.kubelet.node.NodeCapacity;
import io.podflow.localkube.kubelet.node.NodeHeartbeat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole kubelet against fabric8's mock API server: informers in, status and deletes out, real processes. */
@EnableKubernetesMockClient(crud = true)
class ProcessKubeletTest {

    KubernetesClient client;

    @TempDir
    Path state;

    private ProcessKubelet kubelet;

    @AfterEach
    void stop() {
        if (kubelet != null) {
            kubelet.close();
        }
    }

    @Test
    void runsBoundPodsReportsThemAndStopsTheirProcessesOnClose() throws IOException {
        startKubelet(2);
        assertEquals(2, client.nodes().list().getItems().size());

        client.services().inNamespace("ns").resource(new ServiceBuilder().withNewMetadata().withName("jm")
                .endMetadata().withNewSpec().withClusterIP("None").addToSelector("app", "jm").endSpec().build())
                .create();
        client.pods().inNamespace("ns").resource(pod("jm-0", "localkube-node-1", "app", "jm")).create();
        client.pods().inNamespace("ns").resource(pod("tm-0", "localkube-node-2", "app", "tm")).create();
        client.pods().inNamespace("ns").resource(pod("elsewhere", "other-node", "app", "x")).create();
        client.pods().inNamespace("ns").resource(pod("unscheduled", null, "app", "x")).create();

        Pod jm = awaitRunning("jm-0");
        Pod tm = awaitRunning("tm-0");
        assertEquals("127.0.100.1", jm.getStatus().getHostIP());
        assertEquals("127.0.100.2", tm.getStatus().getHostIP());
        Path tmHosts = state.resolve("pods/ns_tm-0/hosts");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.readString(tmHosts)
                .contains(jm.getStatus().getPodIP() + "\tjm.ns.svc.cluster.local jm.ns.svc jm.ns jm\n"));
        assertTrue(client.pods().inNamespace("ns").withName("elsewhere").get().getStatus() == null
                || client.pods().inNamespace("ns").withName("elsewhere").get().getStatus().getPhase() == null,
                "a pod bound to another node is not this kubelet's");
        long pid = Long.parseLong(Files.readString(state.resolve("pods/ns_jm-0/main.pid")).split(" ")[0]);

        kubelet.close();
        kubelet = null;

        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    }

    @Test
    void podWhoseConfigMapIsCreatedAfterItStartsOnceTheConfigMapExistsAndReadsIt() throws IOException {
        startKubelet(1);
        client.pods().inNamespace("ns").resource(new PodBuilder(pod("jm-1", "localkube-node-1", "app", "jm"))
                .editSpec().editFirstContainer()
                .withCommand("/bin/sh", "-c", "cat /opt/flink/conf/flink-conf.yaml; sleep 600")
                .addNewVolumeMount().withName("conf").withMountPath("/opt/flink/conf").endVolumeMount().endContainer()
                .addNewVolume().withName("conf").withNewConfigMap().withName("flink-config-s1").endConfigMap().endVolume()
                .endSpec().build()).create();

        await().atMost(Duration.ofSeconds(30)).until(() -> client.pods().inNamespace("ns").withName("jm-1").get(),
                pod -> pod.getStatus() != null && pod.getStatus().getContainerStatuses().stream()
                        .anyMatch(s -> s.getState().getWaiting() != null
                                && "CreateContainerConfigError".equals(s.getState().getWaiting().getReason())));
        client.configMaps().inNamespace("ns").resource(new ConfigMapBuilder().withNewMetadata()
                .withName("flink-config-s1").endMetadata().addToData("flink-conf.yaml", "jobmanager.rpc.port: 6123")
                .build()).create();

        awaitRunning("jm-1");
        Path log = state.resolve("pods/ns_jm-1/main.log");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(log)
                && Files.readString(log).contains("jobmanager.rpc.port: 6123"));
    }

    private void startKubelet(int nodes) {
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NodeHeartbeat.LEASE_NAMESPACE)
                .endMetadata().build()).create();
        kubelet = new ProcessKubelet(client, new KubeletOptions(state.resolve("kubeconfig"), state, nodes,
                Optional.empty(), state.resolve("dist"), NodeCapacity.DEFAULT, Duration.ofSeconds(1),
                Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofSeconds(2), "127.0.0.1", 6443,
                Optional.empty()));
        kubelet.start();
    }

    private Pod awaitRunning(String name) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> client.pods().inNamespace("ns").withName(name).get(),
                pod -> pod.getStatus() != null && "Running".equals(pod.getStatus().getPhase())
                        && pod.getStatus().getConditions().stream()
                        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus())));
    }

    private static Pod pod(String name, String node, String label, String value) {
        return new PodBuilder().withNewMetadata().withName(name).withNamespace("ns").addToLabels(label, value)
                .endMetadata()
                .withNewSpec().withNodeName(node).addNewContainer().withName("main").withImage("busybox")
                .withCommand("sleep", "600").endContainer().endSpec().build();
    }
}
