package io.podflow.localkube.kubelet.container;

import io.podflow.localkube.kubelet.image.ImageOwner;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A container's copy-on-write view of its image at {@code target}: an overlay whose read-only lower layer is
 * the image tree and whose upper layer is the container's own, on disk below {@code layerDir}, so what the
 * container writes is invisible to other containers and to the host's image tree. The {@code emptyDirs}
 * (relative to the target) start empty in the layer. With an owner, every directory of the image is given to
 * that user in the upper layer (directories copy up without their files).
 */
public record ImageLayer(Path imageDir, String target, Path layerDir, Optional<ImageOwner> owner,
        List<String> emptyDirs) implements ContainerMount {

    public ImageLayer {
        emptyDirs = List.copyOf(emptyDirs);
    }

    @Override
    public List<Path> hostPaths() {
        return List.of(imageDir, layerDir);
    }
}
