package io.podflow.kubernetes.spec;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.List;

/** {@code kubernetes.secrets}: each Secret a read-only volume whose keys become files under its mount path. */
public record SecretVolumesStep(List<SecretMount> mounts) implements PodStep {

    @Override
    public PodDraft apply(PodDraft draft) {
        PodBuilder pod = new PodBuilder(draft.pod());
        ContainerBuilder container = new ContainerBuilder(draft.container());
        for (SecretMount mount : mounts) {
            pod.editSpec().addNewVolume().withName(mount.volumeName()).withNewSecret()
                    .withSecretName(mount.secretName()).endSecret().endVolume().endSpec();
            container.addNewVolumeMount().withName(mount.volumeName()).withMountPath(mount.mountPath())
                    .withReadOnly(true).endVolumeMount();
        }
        return draft.withPod(pod.build()).withContainer(container.build());
    }
}
