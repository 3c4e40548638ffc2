package io.podflow.kubernetes.resourcemanager;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodList;
import io.fabric8.kubernetes.api.model.PodListBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.WatchEvent;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.podflow.kubernetes.client.ApiCall;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An expired watch ({@code 410 Gone}) makes the watcher list again instead of failing, and nothing is missed. */
@EnableKubernetesMockClient
class WatchGoneTest {

    private static final String PODS = "/api/v1/namespaces/team-a/pods?";
    /** The first list may come from the server's cache; a relist must not, so it names no resource version. */
    private static final String FIRST_LIST = PODS + "labelSelector=app%3Ds1&resourceVersion=0";
    private static final String RELIST = PODS + "labelSelector=app%3Ds1";

    KubernetesClient client;
    KubernetesMockServer server;

    @Test
    void aGoneWatchRelistsAndReportsWhatHappenedMeanwhile() {
        server.expect().get().withPath(FIRST_LIST).andReturn(200, podList("1", "s1-taskmanager-1-1")).once();
        server.expect().get().withPath(watch("1")).andUpgradeToWebSocket().open().waitFor(100)
                .andEmit(new WatchEvent(new StatusBuilder().withCode(410).withReason("Expired")
                        .withMessage("too old resource version: 1 (5)").build(), "ERROR"))
                .done().once();
        server.expect().get().withPath(RELIST)
                .andReturn(200, podList("5", "s1-taskmanager-1-1", "s1-taskmanager-1-2")).always();
        server.expect().get().withPath(watch("5")).andUpgradeToWebSocket().open().done().always();
        RecordingPodEvents events = new RecordingPodEvents();

        try (KubernetesPodWatcher watcher = KubernetesPodWatcher.start(client, new ApiCall("list", "pods", "team-a",
                "default"), Map.of("app", "s1"), Duration.ofMinutes(5), Duration.ofSeconds(60), events)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> events.changed.contains("s1-taskmanager-1-2"));

            assertEquals(List.of("s1-taskmanager-1-1", "s1-taskmanager-1-2"), watcher.pods().stream()
                    .map(pod -> pod.getMetadata().getName()).sorted().toList());
        }
    }

    private static String watch(String resourceVersion) {
        return PODS + "allowWatchBookmarks=true&labelSelector=app%3Ds1&resourceVersion=" + resourceVersion
                + "&timeoutSeconds=600&watch=true";
    }

    private static PodList podList(String resourceVersion, String... names) {
        PodListBuilder list = new PodListBuilder().withNewMetadata().withResourceVersion(resourceVersion)
                .endMetadata();
        for (String name : names) {
            Pod pod = new PodBuilder().withNewMetadata().withName(name).withNamespace("team-a")
                    .withResourceVersion(resourceVersion).addToLabels("app", "s1").endMetadata().build();
            list.addToItems(pod);
        }
        return list.build();
    }
}
