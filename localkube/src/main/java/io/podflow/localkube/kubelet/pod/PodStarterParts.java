package io.podflow.localkube.kubelet.pod;

import io.podflow.localkube.kubelet.container.ContainerLauncher;
import io.podflow.localkube.kubelet.env.EnvResolver;
import io.podflow.localkube.kubelet.image.ImageMapping;
import io.podflow.localkube.kubelet.volume.VolumeMaterializer;

/** What the pod worker needs to turn a container spec into a process. */
public record PodStarterParts(EnvResolver envResolver, VolumeMaterializer volumes, ImageMapping images,
        ContainerLauncher launcher) {
}
