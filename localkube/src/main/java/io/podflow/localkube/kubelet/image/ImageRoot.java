package io.podflow.localkube.kubelet.image;

import java.nio.file.Path;
import java.util.List;

/**
 * A local directory tree that stands in for a container image: bind-mounted at {@code mountPoint}
 * inside the pod, with the image's entrypoint and working directory.
 */
public record ImageRoot(Path rootDir, String mountPoint, List<String> entrypoint, String workingDir) {

    public ImageRoot {
        entrypoint = List.copyOf(entrypoint);
    }
}
