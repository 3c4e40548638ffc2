package io.podflow.localkube.cluster;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code localkube down} leaves no process behind; {@code up} afterwards brings back the same cluster. */
@ExtendWith(LocalKubeExtension.class)
class LifecycleIT {

    @Test
    void downLeavesNoProcessAndUpKeepsTheClusterState(LocalKube localKube, TestNamespace namespace) {
        KubernetesClient client = localKube.client();
        client.configMaps().inNamespace(namespace.name()).resource(new ConfigMapBuilder()
                .withNewMetadata().withName("survivor").endMetadata().addToData("k", "v").build()).create();
        List<String> running = LocalKubeProcesses.of(localKube.home());
        assertFalse(running.isEmpty(), "no localkube process found before down");

        localKube.script().runOrFail(300, "down");

        assertEquals(List.of(), LocalKubeProcesses.of(localKube.home()));
        LocalKubeScript.Result status = localKube.script().run(60, "status");
        assertEquals(1, status.exitCode(), status.output());

        localKube.up();
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> "v".equals(
                client.configMaps().inNamespace(namespace.name()).withName("survivor").get().getData().get("k")));
    }
}
