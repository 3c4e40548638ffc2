package io.podflow.kubernetes.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.podflow.common.config.Configuration;
import io.podflow.common.config.IllegalConfigurationException;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@EnableKubernetesMockClient(crud = true)
class KubernetesClientFactoryTest {

    KubernetesClient client;

    @TempDir
    Path dir;

    @Test
    void theConfiguredKubeconfigAndNamespaceAreUsed() throws IOException {
        Path kubeconfig = kubeconfig(Map.of("mock", client.getConfiguration().getMasterUrl()), "mock");

        try (KubernetesClient configured = KubernetesClientFactory.create(Configuration.fromMap(Map.of(
                "kubernetes.config.file", kubeconfig.toString(), "kubernetes.namespace", "team-a")))) {
            KubernetesClientFactory.checkReachable(configured);
            configured.pods().resource(new PodBuilder().withNewMetadata().withName("p").endMetadata().build())
                    .create();
        }

        assertEquals("p", client.pods().inNamespace("team-a").withName("p").get().getMetadata().getName());
    }

    @Test
    void everyRequestTheClientSendsIsCounted() throws IOException {
        Path kubeconfig = kubeconfig(Map.of("mock", client.getConfiguration().getMasterUrl()), "mock");
        ApiRequestCounter requests = new ApiRequestCounter();

        try (KubernetesClient counted = KubernetesClientFactory.create(Configuration.fromMap(Map.of(
                "kubernetes.config.file", kubeconfig.toString(), "kubernetes.namespace", "team-a")), requests)) {
            counted.pods().resource(new PodBuilder().withNewMetadata().withName("p").endMetadata().build()).create();
            counted.pods().withName("p").get();
            counted.pods().withName("p").delete();
        }

        assertEquals(3, requests.sent());
    }

    @Test
    void theConfiguredContextChoosesTheServer() throws IOException {
        Path kubeconfig = kubeconfig(Map.of("one", "https://one.example:6443", "two", "https://two.example:6443"),
                "one");

        String server = KubernetesClientFactory.clientConfig(Configuration.fromMap(Map.of(
                "kubernetes.config.file", kubeconfig.toString(), "kubernetes.context", "two"))).getMasterUrl();

        assertEquals("https://two.example:6443/", server);
    }

    @Test
    void aMissingKubeconfigIsOneLine() {
        IllegalConfigurationException error = assertThrows(IllegalConfigurationException.class,
                () -> KubernetesClientFactory.create(Configuration.fromMap(Map.of("kubernetes.config.file",
                        dir.resolve("nope").toString()))));

        assertEquals("kubernetes.config.file: '" + dir.resolve("nope") + "' is not a file", error.getMessage());
    }

    @Test
    void anUnreachableServerIsNamedInOneLine() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "https://127.0.0.1:" + closedPort;
        Path kubeconfig = kubeconfig(Map.of("gone", url), "gone");

        try (KubernetesClient unreachable = KubernetesClientFactory.create(Configuration.fromMap(Map.of(
                "kubernetes.config.file", kubeconfig.toString())))) {
            KubernetesApiException error = assertThrows(KubernetesApiException.class,
                    () -> KubernetesClientFactory.checkReachable(unreachable));

            assertTrue(error.getMessage().startsWith("Cannot reach the Kubernetes API server at " + url + "/: "),
                    error.getMessage());
            assertEquals(1, error.getMessage().lines().count());
            assertEquals(0, error.code());
        }
    }

    /** A kubeconfig with one context per server, each named like its cluster. */
    private Path kubeconfig(Map<String, String> servers, String currentContext) throws IOException {
        StringBuilder clusters = new StringBuilder("clusters:\n");
        StringBuilder contexts = new StringBuilder("contexts:\n");
        servers.forEach((name, server) -> {
            clusters.append("- name: ").append(name).append("\n  cluster:\n    server: ").append(server)
                    .append("\n    insecure-skip-tls-verify: true\n");
            contexts.append("- name: ").append(name).append("\n  context:\n    cluster: ").append(name)
                    .append("\n    user: tester\n");
        });
        Path file = dir.resolve("kubeconfig");
        Files.writeString(file, "apiVersion: v1\nkind: Config\n" + clusters + contexts + "current-context: "
                + currentContext + "\nusers:\n- name: tester\n  user:\n    token: secret-token\n");
        return file;
    }
}
