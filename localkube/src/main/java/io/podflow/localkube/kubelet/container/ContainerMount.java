package io.podflow.localkube.kubelet.container;

import java.nio.file.Path;
import java.util.List;

/** Something the init script mounts inside a container's mount namespace at {@code target}. */
public sealed interface ContainerMount permits MountSpec, ImageLayer {

    String target();

    /** The host paths the mount is made from; they must stay visible until it is made. */
    List<Path> hostPaths();
}
