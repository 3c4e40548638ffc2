package io.podflow.localkube.kubelet.pod;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.util.List;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class ApiPodsTest {

    KubernetesClient client;

    @Test
    void statusIsReplacedWholeAndTheSpecIsLeftAlone() {
        Pod pod = client.pods().inNamespace("ns").resource(new PodBuilder().withNewMetadata().withName("tm-1")
                .endMetadata().withNewSpec().withNodeName("localkube-node-1").addNewContainer().withName("main")
                .withImage("flink").endContainer().endSpec().build()).create();
        ApiPods api = new ApiPods(client);
        Pod noResourceVersion = new PodBuilder(pod).editMetadata().withResourceVersion(null).endMetadata().build();

        api.patchStatus(noResourceVersion, status("Pending", "ContainerCreating", 0));
        api.patchStatus(noResourceVersion, status("Running", null, 1));

        Pod stored = client.pods().inNamespace("ns").withName("tm-1").get();
        assertEquals("Running", stored.getStatus().getPhase());
        assertEquals("127.0.1.1", stored.getStatus().getPodIP());
        assertEquals(1, stored.getStatus().getContainerStatuses().get(0).getRestartCount());
        assertNull(stored.getStatus().getContainerStatuses().get(0).getState().getWaiting());
        assertEquals("localkube-node-1", stored.getSpec().getNodeName());
    }

    @Test
    void deleteNowRemovesThePodAndToleratesItBeingGone() {
        Pod pod = client.pods().inNamespace("ns").resource(new PodBuilder().withNewMetadata().withName("tm-2")
                .endMetadata().build()).create();
        ApiPods api = new ApiPods(client);

        api.deleteNow(pod);
        api.deleteNow(pod);

        assertNull(client.pods().inNamespace("ns").withName("tm-2").get());
    }

    private static PodStatus status(String phase, String waiting, int restarts) {
        var container = new ContainerStatusBuilder().withName("main").withRestartCount(restarts);
        if (waiting != null) {
            container.withNewState().withNewWaiting().withReason(waiting).endWaiting().endState();
        } else {
            container.withNewState().withNewRunning().endRunning().endState();
        }
        return new io.fabric8.kubernetes.api.model.PodStatusBuilder().withPhase(phase).withPodIP("127.0.1.1")
                .withContainerStatuses(List.of(container.build())).build();
    }
}
