package io.podflow.localkube.kubelet.image;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A local directory tree that stands in for a container image: mounted at {@code mountPoint} inside the
 * pod as the lower layer of the container's own copy-on-write layer, with the image's entrypoint, working
 * directory, the owner of its directories (root when empty), its environment (beneath the container's) and
 * the directories every container starts with empty (relative to the root: output of the host's own runs
 * of the tree, such as the distribution's {@code log/}, is no part of the image).
 */
public record ImageRoot(Path rootDir, String mountPoint, List<String> entrypoint, String workingDir,
        Optional<ImageOwner> owner, Map<String, String> env, List<String> emptyDirs) {

    /** The PATH of an image that sets none, as container runtimes default it. */
    public static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    public ImageRoot {
        entrypoint = List.copyOf(entrypoint);
        emptyDirs = List.copyOf(emptyDirs);
        env = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(env));
    }

    /** A root-owned image without an environment of its own. */
    public ImageRoot(Path rootDir, String mountPoint, List<String> entrypoint, String workingDir) {
        this(rootDir, mountPoint, entrypoint, workingDir, Optional.empty(), Map.of(), List.of());
    }

    ImageRoot withEntrypoint(List<String> entrypoint) {
        return new ImageRoot(rootDir, mountPoint, entrypoint, workingDir, owner, env, emptyDirs);
    }
}
