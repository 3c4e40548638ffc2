package io.podflow.localkube.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalKubeExtension.class)
class ControlPlaneIT {

    @Test
    void apiServerIsTheOneBuiltFromSource(KubernetesClient client) {
        assertEquals("v1.20.2", client.getKubernetesVersion().getGitVersion());
    }

    @Test
    void kubectlOnThePathTalksToIt(LocalKube localKube) throws Exception {
        Process kubectl = new ProcessBuilder("kubectl", "--kubeconfig", localKube.kubeconfig().toString(),
                        "get", "nodes", "-o", "name")
                .redirectErrorStream(true)
                .start();
        String output = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, kubectl.waitFor(), output);
        Set<String> nodes = localKube.client().nodes().list().getItems().stream()
                .map(node -> "node/" + node.getMetadata().getName())
                .collect(Collectors.toSet());
        assertEquals(nodes, output.lines().filter(line -> line.startsWith("node/")).collect(Collectors.toSet()));
    }

    @Test
    void newNamespaceGetsADefaultServiceAccountTokenSignedForThisCluster(LocalKube localKube, TestNamespace namespace)
            throws Exception {
        KubernetesClient client = localKube.client();
        String ca = Files.readString(localKube.home().resolve("pki/ca.crt"));
        Secret token = await().atMost(Duration.ofSeconds(60)).until(() -> tokenOf(client, namespace.name()),
                secret -> secret != null);
        assertEquals(ca, decode(token, "ca.crt"));
        assertEquals(namespace.name(), decode(token, "namespace"));
        assertFalse(decode(token, "token").isBlank());
    }

    @Test
    void deploymentControllersCreatePodsAndGarbageCollectionRemovesThem(KubernetesClient client,
            TestNamespace namespace) {
        Deployment deployment = client.apps().deployments().inNamespace(namespace.name()).resource(
                new DeploymentBuilder()
                        .withNewMetadata().withName("web").endMetadata()
                        .withNewSpec().withReplicas(2)
                        .withNewSelector().addToMatchLabels("app", "web").endSelector()
                        .withNewTemplate()
                        .withNewMetadata().addToLabels("app", "web").endMetadata()
                        // no node matches: the pods stay unscheduled, so this needs no kubelet
                        .withNewSpec().addToNodeSelector("podflow.io/no-such-node", "true")
                        .addNewContainer().withName("main").withImage("busybox")
                        .withCommand("sleep", "3600").endContainer().endSpec()
                        .endTemplate()
                        .endSpec()
                        .build())
                .create();

        await().atMost(Duration.ofSeconds(60))
                .until(() -> podsOf(client, namespace.name()), pods -> pods.size() == 2);

        client.resource(deployment).delete();
        await().atMost(Duration.ofSeconds(60)).until(() -> podsOf(client, namespace.name()).isEmpty()
                && client.apps().replicaSets().inNamespace(namespace.name()).list().getItems().isEmpty());
    }

    @Test
    void clusterIpsStayOnLoopback(KubernetesClient client, TestNamespace namespace) throws Exception {
        Service service = client.services().inNamespace(namespace.name()).resource(new ServiceBuilder()
                        .withNewMetadata().withName("svc").endMetadata()
                        .withNewSpec().addToSelector("app", "svc").addNewPort().withPort(8081).endPort().endSpec()
                        .build())
                .create();
        assertTrue(InetAddress.getByName(service.getSpec().getClusterIP()).isLoopbackAddress());
        String kubernetesIp = client.services().inNamespace("default").withName("kubernetes").get()
                .getSpec().getClusterIP();
        assertTrue(InetAddress.getByName(kubernetesIp).isLoopbackAddress());
    }

    private static List<Pod> podsOf(KubernetesClient client, String namespace) {
        return client.pods().inNamespace(namespace).withLabel("app", "web").list().getItems();
    }

    private static Secret tokenOf(KubernetesClient client, String namespace) {
        ServiceAccount account = client.serviceAccounts().inNamespace(namespace).withName("default").get();
        if (account == null || account.getSecrets().isEmpty()) {
            return null;
        }
        return client.secrets().inNamespace(namespace).withName(account.getSecrets().get(0).getName()).get();
    }

    private static String decode(Secret secret, String key) {
        return new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
    }
}
