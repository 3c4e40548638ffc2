package io.podflow.localkube.kubelet.api;

import java.nio.file.Path;

/**
 * Where the kubelet keeps a container's files: {@code <pods-dir>/<namespace>_<pod>/<container>.log} and
 * {@code .pid}, the sandbox layout described in the kubelet's package documentation.
 */
public record PodFiles(Path podsDir) {

    public Path logFile(ContainerRef ref) {
        return podDir(ref).resolve(ref.container() + ".log");
    }

    public Path pidFile(ContainerRef ref) {
        return podDir(ref).resolve(ref.container() + ".pid");
    }

    private Path podDir(ContainerRef ref) {
        return podsDir.resolve(ref.namespace() + "_" + ref.pod());
    }
}
