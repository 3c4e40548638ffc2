package io.podflow.kubernetes.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.podflow.kubernetes.KubernetesConfigOptions.ImagePullPolicy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MainContainerStepTest {

    @Test
    void setsImagePullPolicyPullSecretsAndPorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("taskmanager-rpc", 6122);
        ports.put("data", 6121);

        Pod pod = new MainContainerStep("podflow:1.0", ImagePullPolicy.Always, List.of("registry-a", "registry-b"),
                ports).apply(PodDraft.empty()).build();

        var container = pod.getSpec().getContainers().get(0);
        assertEquals("podflow:1.0", container.getImage());
        assertEquals("Always", container.getImagePullPolicy());
        assertEquals(List.of(6122, 6121), container.getPorts().stream().map(ContainerPort::getContainerPort).toList());
        assertEquals("taskmanager-rpc", container.getPorts().get(0).getName());
        assertEquals(List.of("registry-a", "registry-b"),
                pod.getSpec().getImagePullSecrets().stream().map(LocalObjectReference::getName).toList());
    }
}
