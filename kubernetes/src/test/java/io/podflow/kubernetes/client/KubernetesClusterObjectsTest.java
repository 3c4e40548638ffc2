package io.podflow.kubernetes.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.podflow.common.config.Configuration;
import io.podflow.kubernetes.naming.KubernetesObjectNames;
import io.podflow.kubernetes.spec.JobManagerSpec;
import io.podflow.kubernetes.spec.JobManagerSpecFactory;
import io.podflow.kubernetes.spec.JobManagerSpecFactory.Mode;
import io.podflow.kubernetes.spec.TaskManagerPodFactory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class KubernetesClusterObjectsTest {

    private static final String NAMESPACE = "team-a";

    KubernetesClient client;

    @Test
    void deploysTheDeploymentThenObjectsItOwns() {
        Deployment deployment = new KubernetesClusterObjects(client, NAMESPACE).deploy(spec());

        String uid = deployment.getMetadata().getUid();
        List<HasMetadata> owned = List.of(client.configMaps().inNamespace(NAMESPACE).withName("flink-config-s1").get(),
                client.secrets().inNamespace(NAMESPACE).withName("s1-secret").get(),
                client.services().inNamespace(NAMESPACE).withName("s1").get(),
                client.services().inNamespace(NAMESPACE).withName("s1-rest").get());
        for (HasMetadata object : owned) {
            List<OwnerReference> owners = object.getMetadata().getOwnerReferences();
            assertEquals(1, owners.size(), object.getMetadata().getName());
            assertEquals(uid, owners.get(0).getUid());
        }
        assertEquals(uid, new KubernetesClusterObjects(client, NAMESPACE)
                .ownerReference(new KubernetesObjectNames("s1")).getUid());
    }

    @Test
    void aFailureHalfWayRemovesWhatWasCreated() {
        client.secrets().inNamespace(NAMESPACE).resource(new SecretBuilder().withNewMetadata().withName("s1-secret")
                .endMetadata().build()).create();

        KubernetesApiException error = assertThrows(KubernetesApiException.class,
                () -> new KubernetesClusterObjects(client, NAMESPACE).deploy(spec()));

        assertTrue(error.getMessage().startsWith("Kubernetes refused to create secrets in namespace 'team-a' (409)"),
                error.getMessage());
        assertNull(client.apps().deployments().inNamespace(NAMESPACE).withName("s1").get());
        assertNull(client.configMaps().inNamespace(NAMESPACE).withName("flink-config-s1").get());
        assertTrue(client.services().inNamespace(NAMESPACE).list().getItems().isEmpty());
    }

    @Test
    void removeLeavesNothingLabelledWithTheClusterId() {
        KubernetesClusterObjects objects = new KubernetesClusterObjects(client, NAMESPACE);
        objects.deploy(spec());
        TaskManagerPodFactory pods = new TaskManagerPodFactory(configuration(),
                objects.ownerReference(new KubernetesObjectNames("s1")));
        client.pods().inNamespace(NAMESPACE).resource(pods.create("s1-taskmanager-1-1")).create();

        objects.remove("s1");

        Map<String, String> app = Map.of("app", "s1");
        assertTrue(client.apps().deployments().inNamespace(NAMESPACE).list().getItems().isEmpty());
        assertTrue(client.configMaps().inNamespace(NAMESPACE).withLabels(app).list().getItems().isEmpty());
        assertTrue(client.secrets().inNamespace(NAMESPACE).withLabels(app).list().getItems().isEmpty());
        assertTrue(client.services().inNamespace(NAMESPACE).withLabels(app).list().getItems().isEmpty());
        assertTrue(client.pods().inNamespace(NAMESPACE).withLabels(app).list().getItems().isEmpty());
    }

    private static JobManagerSpec spec() {
        return JobManagerSpecFactory.create(configuration(), Mode.SESSION, "secret", "token", Map.of());
    }

    private static Configuration configuration() {
        return Configuration.fromMap(Map.of("kubernetes.cluster-id", "s1", "kubernetes.namespace", NAMESPACE));
    }
}
