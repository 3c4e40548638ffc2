package io.podflow.localkube.kubelet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class ApiClusterObjectsTest {

    KubernetesClient client;

    @Test
    void withoutTheTokenRequestApiTheLegacyTokenSecretOfTheAccountIsUsed() {
        client.secrets().inNamespace("ns").resource(new SecretBuilder().withNewMetadata().withName("flink-token-x1")
                .endMetadata().withType(ApiClusterObjects.TOKEN_SECRET_TYPE)
                .addToData("token", Base64.getEncoder().encodeToString("legacy-jwt".getBytes(StandardCharsets.UTF_8)))
                .build()).create();
        client.secrets().inNamespace("ns").resource(new SecretBuilder().withNewMetadata().withName("flink-other")
                .endMetadata().withType("Opaque").addToData("token", "b3RoZXI=").build()).create();
        client.serviceAccounts().inNamespace("ns").resource(new ServiceAccountBuilder().withNewMetadata()
                .withName("flink").endMetadata().addNewSecret().withName("flink-other").endSecret()
                .addNewSecret().withName("flink-token-x1").endSecret().build()).create();

        String token = new ApiClusterObjects(client).serviceAccountToken("ns", "flink", "tm-1", "uid-1", 3600, null);

        assertEquals("legacy-jwt", token);
    }

    @Test
    void accountWithoutTokenYetIsAConfigurationErrorSoThePodWaits() {
        client.serviceAccounts().inNamespace("ns").resource(new ServiceAccountBuilder().withNewMetadata()
                .withName("fresh").endMetadata().build()).create();

        ContainerConfigException error = assertThrows(ContainerConfigException.class,
                () -> new ApiClusterObjects(client).serviceAccountToken("ns", "fresh", "p", "u", 3600, null));
        assertTrue(error.getMessage().contains("ns/fresh"), error.getMessage());
    }
}
