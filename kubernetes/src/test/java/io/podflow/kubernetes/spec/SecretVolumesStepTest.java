package io.podflow.kubernetes.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretVolumesStepTest {

    @Test
    void eachSecretIsAReadOnlyVolumeAtItsPath() {
        Pod pod = new SecretVolumesStep(List.of(new SecretMount("foo", "/opt/foo"), new SecretMount("bar.b", "/opt/bar")))
                .apply(PodDraft.empty()).build();

        List<Volume> volumes = pod.getSpec().getVolumes();
        List<VolumeMount> mounts = pod.getSpec().getContainers().get(0).getVolumeMounts();
        assertEquals(List.of("foo", "bar.b"), volumes.stream().map(v -> v.getSecret().getSecretName()).toList());
        assertEquals(List.of("/opt/foo", "/opt/bar"), mounts.stream().map(VolumeMount::getMountPath).toList());
        assertEquals(volumes.stream().map(Volume::getName).toList(),
                mounts.stream().map(VolumeMount::getName).toList());
        assertTrue(mounts.stream().allMatch(VolumeMount::getReadOnly));
        assertEquals("secret-bar-b", volumes.get(1).getName());
    }

    @Test
    void noSecretsLeaveThePodAlone() {
        assertEquals(PodDraft.empty().build(), new SecretVolumesStep(List.of()).apply(PodDraft.empty()).build());
    }
}
