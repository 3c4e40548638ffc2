package io.podflow.localkube.cluster;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code localkube down} leaves no process behind; {@code up} afterwards brings back the same cluster. */
@ExtendWith(LocalKubeExtension.class)
class LifecycleIT {

    @Test
    void downLeavesNoProcessAndUpKeepsTheClusterState(LocalKube localKube, TestNamespace namespace) {
        KubernetesClient client = localKube.client();
        client.configMaps().inNamespace(namespace.name()).resource(new ConfigMapBuilder()
                .withNewMetadata().withName("survivor").endMetadata().addToData("k", "v").build()).create();
        assertFalse(LocalKubeProcesses.of(localKube.home()).isEmpty(), "no localkube process found before down");

        downAndUp(localKube, List.of());

        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> "v".equals(
                client.configMaps().inNamespace(namespace.name()).withName("survivor").get().getData().get("k")));
    }

    @Test
    @DisabledIfSystemProperty(named = LocalKube.KUBELET_PROPERTY, matches = "false")
    void downStopsThePodProcessesToo(LocalKube localKube, TestNamespace namespace) {
        String marker = "lifecycle-" + UUID.randomUUID();
        KubernetesClient client = localKube.client();
        client.pods().inNamespace(namespace.name()).resource(new PodBuilder()
                        .withNewMetadata().withName("sleeper").endMetadata()
                        .withNewSpec().addNewContainer().withName("main").withImage("busybox")
                        .withCommand("sh", "-c", "sleep 3600; echo " + marker).endContainer().endSpec()
                        .build())
                .create();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> !processesMentioning(marker).isEmpty());

        downAndUp(localKube, List.of(marker));
    }

    private static void downAndUp(LocalKube localKube, List<String> podMarkers) {
        localKube.script().runOrFail(300, "down");

        assertEquals(List.of(), LocalKubeProcesses.of(localKube.home()));
        for (String marker : podMarkers) {
            assertEquals(List.of(), processesMentioning(marker));
        }
        LocalKubeScript.Result status = localKube.script().run(60, "status");
        assertEquals(1, status.exitCode(), status.output());

        localKube.up();
    }

    private static List<String> processesMentioning(String text) {
        return ProcessHandle.allProcesses()
                .filter(process -> process.info().commandLine().map(line -> line.contains(text)).orElse(false))
                .map(process -> process.pid() + " " + process.info().commandLine().orElse("?"))
                .toList();
    }
}
