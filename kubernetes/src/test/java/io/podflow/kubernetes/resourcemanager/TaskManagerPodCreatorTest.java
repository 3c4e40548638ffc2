package io.podflow.kubernetes.resourcemanager;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.podflow.common.config.Configuration;
import io.podflow.kubernetes.naming.KubernetesLabels;
import io.podflow.kubernetes.spec.TaskManagerPodFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class TaskManagerPodCreatorTest {

    KubernetesClient client;

    @Test
    void aBurstOfPodsIsCreatedListedAndDeleted() {
        TaskManagerPodFactory factory = new TaskManagerPodFactory(Configuration.fromMap(Map.of(
                "kubernetes.cluster-id", "s1", "kubernetes.namespace", "team-a")), new OwnerReferenceBuilder()
                        .withApiVersion("apps/v1").withKind("Deployment").withName("s1").withUid("uid-1").build());
        try (TaskManagerPodCreator creator = new TaskManagerPodCreator(client, "team-a", "default", 4)) {
            List<CompletableFuture<Pod>> creations = IntStream.rangeClosed(1, 12)
                    .mapToObj(index -> creator.create(factory.create(factory.names().taskManagerPod(1, index))))
                    .toList();
            CompletableFuture.allOf(creations.toArray(CompletableFuture[]::new)).join();

            List<Pod> listed = client.pods().inNamespace("team-a").withLabels(KubernetesLabels.selector("s1",
                    KubernetesLabels.COMPONENT_TASKMANAGER)).list().getItems();
            assertEquals(12, listed.size());
            assertTrue(listed.stream().allMatch(pod -> "Never".equals(pod.getSpec().getRestartPolicy())));

            CompletableFuture.allOf(listed.stream().map(pod -> creator.delete(pod.getMetadata().getName()))
                    .toArray(CompletableFuture[]::new)).join();
            creator.delete("s1-taskmanager-1-99").join();
            await().atMost(Duration.ofSeconds(10)).until(() -> client.pods().inNamespace("team-a").list().getItems()
                    .isEmpty());
        }
    }
}
