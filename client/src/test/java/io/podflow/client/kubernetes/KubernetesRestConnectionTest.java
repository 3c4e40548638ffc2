package io.podflow.client.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.podflow.client.FakeRestServer;
import io.podflow.client.FakeRestServer.Answer;
import io.podflow.client.rest.ClusterConnection;
import io.podflow.common.config.Configuration;
import io.podflow.kubernetes.naming.KubernetesLabels;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class KubernetesRestConnectionTest {

    private static final String NAMESPACE = "team-a";

    KubernetesClient client;

    private final FakeRestServer jobManager = new FakeRestServer()
            .on("GET", "/jobs/overview", request -> new Answer(200, "{\"jobs\":[]}"));

    KubernetesRestConnectionTest() throws IOException {
    }

    @AfterEach
    void stopJobManager() {
        jobManager.close();
    }

    @Test
    void requestsCarryTheTokenOfTheClustersSecret() {
        sessionWithToken("from-secret");

        listJobs(config(), null);

        assertEquals(List.of("Bearer from-secret"), authorization());
    }

    @Test
    void aTokenTheUserGaveWinsOverTheSecret() {
        sessionWithToken("from-secret");
        Configuration config = config();
        config.setString("rest.authentication.token", "from-user");

        listJobs(config, null);

        assertEquals(List.of("Bearer from-user"), authorization());
    }

    @Test
    void headersFromTheEnvironmentAreSentInsteadOfTheSecretsToken() {
        sessionWithToken("from-secret");

        listJobs(config(), "Authorization: Basic dXNlcjpwdw==");

        assertEquals(List.of("Basic dXNlcjpwdw=="), authorization());
    }

    @Test
    void aClusterIsNamedByItsId() {
        Configuration config = new Configuration();

        assertThrows(io.podflow.common.config.IllegalConfigurationException.class,
                () -> KubernetesRestConnection.open(config, null, Duration.ofSeconds(5), unused -> client));
    }

    private void listJobs(Configuration config, String environmentHeaders) {
        try (ClusterConnection connection = KubernetesRestConnection.open(config, environmentHeaders,
                Duration.ofSeconds(5), unused -> client)) {
            assertEquals(List.of(), connection.client().listJobs());
        }
    }

    private List<String> authorization() {
        return jobManager.requests().get(0).headers().get("Authorization");
    }

    private static Configuration config() {
        Configuration config = new Configuration();
        config.setString("kubernetes.cluster-id", "s1");
        config.setString("kubernetes.namespace", NAMESPACE);
        return config;
    }

    private void sessionWithToken(String token) {
        client.services().inNamespace(NAMESPACE).resource(new ServiceBuilder().withNewMetadata().withName("s1-rest")
                .endMetadata().withNewSpec().withType("ClusterIP")
                .withSelector(KubernetesLabels.selector("s1", KubernetesLabels.COMPONENT_JOBMANAGER)).addNewPort()
                .withPort(8081).withNewTargetPort(jobManager.uri().getPort()).endPort().endSpec().build()).create();
        client.pods().inNamespace(NAMESPACE).resource(new PodBuilder().withNewMetadata().withName("s1-jm")
                .withLabels(KubernetesLabels.jobManager("s1")).endMetadata().withNewStatus().withPhase("Running")
                .withPodIP("127.0.0.1").addNewCondition().withType("Ready").withStatus("True").endCondition()
                .endStatus().build()).create();
        client.secrets().inNamespace(NAMESPACE).resource(new SecretBuilder().withNewMetadata().withName("s1-secret")
                .endMetadata().withData(Map.of("rest.authentication.token",
                        Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8)))).build()).create();
    }
}
