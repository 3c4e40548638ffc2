package io.podflow.localkube.kubelet.pod;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pod's share of the host: its loopback IP and node IP, and its state directory
 * {@code <state-dir>/pods/<namespace>_<name>} holding container logs, init scripts, pid files,
 * image layers, materialized volumes and the hosts file.
 */
final class PodSandbox {

    private static final Logger LOG = LoggerFactory.getLogger(PodSandbox.class);

    private final Path dir;
    private final String ip;
    private final String hostIp;
    private Map<String, Path> volumes;

    PodSandbox(Path podsDir, String namespace, String name, String ip, String hostIp) {
        this.dir = directoryOf(podsDir, namespace, name);
        this.ip = ip;
        this.hostIp = hostIp;
    }

    static Path directoryOf(Path podsDir, String namespace, String name) {
        return podsDir.resolve(namespace + "_" + name);
    }

    Path dir() {
        return dir;
    }

    String ip() {
        return ip;
    }

    String hostIp() {
        return hostIp;
    }

    Path hostsFile() {
        return dir.resolve("hosts");
    }

    Path volumesDir() {
        return dir.resolve("volumes");
    }

    Path logFile(String container) {
        return dir.resolve(container + ".log");
    }

    Path scriptFile(String container) {
        return dir.resolve(container + ".init.sh");
    }

    Path pidFile(String container) {
        return dir.resolve(container + ".pid");
    }

    /** The container's own {@code /tmp}. */
    Path tmpDir(String container) {
        return dir.resolve("tmp").resolve(container);
    }

    /** The upper and work directories of the container's image layer, on disk: what it writes there can be big. */
    Path layerDir(String container) {
        return dir.resolve("layers").resolve(container);
    }

    Path scratchDir(String container) {
        return dir.resolve("scratch").resolve(container);
    }

    /** Volume name to host path, or null until the volumes are materialized. */
    Map<String, Path> volumes() {
        return volumes;
    }

    void volumesMaterialized(Map<String, Path> volumes) {
        this.volumes = Map.copyOf(volumes);
    }

    /** Deletes {@code dir} and everything below it, as far as it can; what is left is logged. */
    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.warn("cannot delete {}: {}", dir, e.getMessage());
        }
    }
}
