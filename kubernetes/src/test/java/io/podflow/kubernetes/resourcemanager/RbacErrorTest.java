package io.podflow.kubernetes.resourcemanager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.podflow.kubernetes.client.ApiCall;
import io.podflow.kubernetes.client.KubernetesApiException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** A service account without rights gets one line naming what it may not do and how to grant it. */
@EnableKubernetesMockClient
class RbacErrorTest {

    private static final String EXPECTED = "Kubernetes does not allow service account 'flink' to create pods in "
            + "namespace 'team-a' (403 Forbidden); grant it the rights with: kubectl create clusterrolebinding "
            + "podflow-team-a-flink --clusterrole=edit --serviceaccount=team-a:flink";

    KubernetesClient client;
    KubernetesMockServer server;

    @Test
    void forbiddenPodCreationNamesVerbResourceNamespaceServiceAccountAndFix() {
        server.expect().post().withPath("/api/v1/namespaces/team-a/pods")
                .andReturn(403, forbidden("create", "pods")).once();

        try (TaskManagerPodCreator creator = new TaskManagerPodCreator(client, "team-a", "flink", 1)) {
            CompletionException error = assertThrows(CompletionException.class, () -> creator.create(
                    new PodBuilder().withNewMetadata().withName("s1-taskmanager-1-1").endMetadata().build()).join());

            KubernetesApiException cause = assertInstanceOf(KubernetesApiException.class, error.getCause());
            assertTrue(cause.isForbidden());
            assertEquals(EXPECTED, cause.getMessage());
        }
    }

    @Test
    void forbiddenPodListingFailsTheWatcherStartWithTheFix() {
        server.expect().get().withPath("/api/v1/namespaces/team-a/pods?labelSelector=app%3Ds1&resourceVersion=0")
                .andReturn(403, forbidden("list", "pods")).always();

        KubernetesApiException error = assertThrows(KubernetesApiException.class, () -> KubernetesPodWatcher.start(
                client, new ApiCall("list", "pods", "team-a", "flink"), Map.of("app", "s1"), Duration.ofSeconds(30),
                Duration.ofSeconds(10), new RecordingPodEvents()));

        assertTrue(error.getMessage().startsWith("Kubernetes does not allow service account 'flink' to list pods"),
                error.getMessage());
        assertTrue(error.getMessage().endsWith("--serviceaccount=team-a:flink"), error.getMessage());
    }

    private static Status forbidden(String verb, String resource) {
        return new StatusBuilder().withStatus("Failure").withReason("Forbidden").withCode(403)
                .withMessage(resource + " is forbidden: User \"system:serviceaccount:team-a:flink\" cannot " + verb
                        + " resource \"" + resource + "\" in API group \"\" in the namespace \"team-a\"")
                .build();
    }
}
