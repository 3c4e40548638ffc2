package io.podflow.kubernetes.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import org.junit.jupiter.api.Test;

class ConfigMountStepTest {

    @Test
    void mountsTheConfigMapAtTheConfDirAndSaysWhereItIs() {
        Pod pod = new ConfigMountStep("flink-config-s1", "/opt/flink/conf").apply(PodDraft.empty()).build();

        var volume = pod.getSpec().getVolumes().get(0);
        var mount = pod.getSpec().getContainers().get(0).getVolumeMounts().get(0);
        assertEquals("flink-config-s1", volume.getConfigMap().getName());
        assertEquals(volume.getName(), mount.getName());
        assertEquals("/opt/flink/conf", mount.getMountPath());
        assertEquals(new EnvVar("FLINK_CONF_DIR", "/opt/flink/conf", null),
                pod.getSpec().getContainers().get(0).getEnv().get(0));
    }
}
