package io.podflow.kubernetes.resourcemanager;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.podflow.kubernetes.client.ApiCall;
import io.podflow.kubernetes.naming.KubernetesLabels;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class KubernetesPodWatcherTest {

    private static final Map<String, String> SELECTOR =
            KubernetesLabels.selector("s1", KubernetesLabels.COMPONENT_TASKMANAGER);

    KubernetesClient client;

    @Test
    void seesExistingPodsThenOnlyItsOwnClustersChangesAndDeletions() {
        create("s1-taskmanager-1-1", KubernetesLabels.taskManager("s1"));
        RecordingPodEvents events = new RecordingPodEvents();

        try (KubernetesPodWatcher watcher = start(events, Duration.ofMinutes(5))) {
            assertEquals(1, watcher.pods().size());
            await().until(() -> events.changed.contains("s1-taskmanager-1-1"));

            create("s1-taskmanager-1-2", KubernetesLabels.taskManager("s1"));
            create("s2-taskmanager-1-1", KubernetesLabels.taskManager("s2"));
            create("s1", KubernetesLabels.jobManager("s1"));
            await().until(() -> events.changed.contains("s1-taskmanager-1-2"));
            client.pods().inNamespace("team-a").withName("s1-taskmanager-1-1").delete();
            await().until(() -> events.deleted.contains("s1-taskmanager-1-1"));

            assertFalse(events.changed.contains("s2-taskmanager-1-1"));
            assertFalse(events.changed.contains("s1"));
            assertEquals(1, watcher.pods().size());
        }
    }

    @Test
    void resyncReplaysPodsSoAMissedEventIsRepaired() {
        create("s1-taskmanager-1-1", KubernetesLabels.taskManager("s1"));
        RecordingPodEvents events = new RecordingPodEvents();

        try (KubernetesPodWatcher watcher = start(events, Duration.ofMillis(200))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> events.changed.stream()
                    .filter("s1-taskmanager-1-1"::equals).count() >= 3);
            assertEquals(1, watcher.pods().size());
        }
    }

    private KubernetesPodWatcher start(RecordingPodEvents events, Duration resync) {
        return KubernetesPodWatcher.start(client, new ApiCall("list", "pods", "team-a", "default"), SELECTOR, resync,
                Duration.ofSeconds(10), events);
    }

    private void create(String name, Map<String, String> labels) {
        Pod pod = new PodBuilder().withNewMetadata().withName(name).withLabels(labels).endMetadata().build();
        client.pods().inNamespace("team-a").resource(pod).create();
    }
}
