package io.podflow.e2e.support;

import io.podflow.localkube.cluster.LocalKube;
import io.podflow.localkube.kubelet.api.ContainerRef;
import io.podflow.localkube.kubelet.api.PodFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The processes localkube runs for a pod, found through the pid file its kubelet keeps for the podflow container
 * ({@code <state-dir>/pods/<namespace>_<pod>/flink-main-container.pid}), so a test can kill one or read what it
 * sees, as an operator would on a node.
 */
public final class PodProcesses {

    private static final String MAIN_CONTAINER = "flink-main-container";

    private PodProcesses() {
    }

    /**
     * The JVM of the pod's podflow container (the TaskManager or JobManager process); empty while the container is
     * still starting (a Running pod may not have reached its JVM yet) or after it ended.
     */
    public static Optional<ProcessHandle> jvm(LocalKube kube, String namespace, String pod) throws IOException {
        return jvm(kube, namespace, pod, MAIN_CONTAINER);
    }

    /** The JVM that container {@code containerName} of the pod started, directly or through a script that ended. */
    public static Optional<ProcessHandle> jvm(LocalKube kube, String namespace, String pod, String containerName)
            throws IOException {
        Path pidFile = new PodFiles(kube.home().resolve("pods")).pidFile(new ContainerRef(namespace, pod,
                containerName));
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        long pid = Long.parseLong(Files.readString(pidFile).trim().split("\\s+")[0]);
        // the recorded process may be a launcher that started the JVM
        return ProcessHandle.of(pid).flatMap(container -> Stream.concat(Stream.of(container), container.descendants())
                .filter(process -> process.info().command().filter(command -> command.endsWith("/java")).isPresent())
                .findFirst());
    }

    /** A file as the process sees it, through its own mount namespace (its volumes are mounted only there). */
    public static Path asSeenBy(ProcessHandle process, String absolutePath) {
        return Path.of("/proc", Long.toString(process.pid()), "root").resolve(absolutePath.substring(1));
    }
}
