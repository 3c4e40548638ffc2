package io.podflow.localkube.kubelet.container;

import java.nio.file.Path;
import java.util.List;

/** A bind mount inside a container's mount namespace: host {@code source} appears at {@code target}. */
public record MountSpec(Path source, String target, boolean readOnly) implements ContainerMount {

    @Override
    public List<Path> hostPaths() {
        return List.of(source);
    }
}
