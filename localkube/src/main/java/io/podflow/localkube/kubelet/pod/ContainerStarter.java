package io.podflow.localkube.kubelet.pod;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.podflow.localkube.kubelet.ContainerConfigException;
import io.podflow.localkube.kubelet.container.ContainerCommand;
import io.podflow.localkube.kubelet.container.ContainerEnvironment;
import io.podflow.localkube.kubelet.container.ContainerInitScript;
import io.podflow.localkube.kubelet.container.ContainerLauncher;
import io.podflow.localkube.kubelet.container.ContainerMount;
import io.podflow.localkube.kubelet.container.ContainerProcess;
import io.podflow.localkube.kubelet.container.ImageLayer;
import io.podflow.localkube.kubelet.container.MountSpec;
import io.podflow.localkube.kubelet.container.ProcessRecords;
import io.podflow.localkube.kubelet.container.ProcessUser;
import io.podflow.localkube.kubelet.env.EnvResolver;
import io.podflow.localkube.kubelet.image.ImageMapping;
import io.podflow.localkube.kubelet.image.ImageRoot;
import io.podflow.localkube.kubelet.volume.VolumeMaterializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns a container spec into a running {@link ContainerProcess} inside the pod's sandbox. */
final class ContainerStarter {

    private static final Logger LOG = LoggerFactory.getLogger(ContainerStarter.class);
    private static final int MAX_HOSTNAME = 63;

    private final EnvResolver envResolver;
    private final VolumeMaterializer volumes;
    private final ImageMapping images;
    private final ContainerLauncher launcher;
    private final Set<String> imagesWarnedAbout = ConcurrentHashMap.newKeySet();

    ContainerStarter(EnvResolver envResolver, VolumeMaterializer volumes, ImageMapping images,
            ContainerLauncher launcher) {
        this.envResolver = envResolver;
        this.volumes = volumes;
        this.images = images;
        this.launcher = launcher;
    }

    /**
     * Safe to call for several containers at once, of the same pod too.
     *
     * @throws ContainerConfigException when a referenced object or setting is missing
     */
    ContainerProcess start(Pod pod, Container container, PodSandbox sandbox) {
        synchronized (sandbox) {
            if (sandbox.volumes() == null) {
                sandbox.volumesMaterialized(volumes.materialize(pod, sandbox.volumesDir(), sandbox.ip(),
                        sandbox.hostIp()));
            }
        }
        Map<String, String> declared = envResolver.resolve(pod, container, sandbox.ip(), sandbox.hostIp());
        Optional<ImageRoot> image = images.resolve(container.getImage());
        if (image.isEmpty() && imagesWarnedAbout.add(container.getImage())) {
            LOG.warn("image {} has no local mapping; its containers run on the host filesystem", container.getImage());
        }
        ContainerCommand command = ContainerCommand.of(container, image, declared)
                .runningAs(ProcessUser.of(pod, container));
        Map<String, String> env = ContainerEnvironment.of(image, declared);
        Path scratch = sandbox.scratchDir(container.getName());
        createDirectory(scratch);
        // a restarted container starts from its image again, as a new container would
        PodSandbox.deleteTree(sandbox.layerDir(container.getName()));
        List<ContainerMount> mounts = withPrivateTmp(mounts(container, image, sandbox), scratch,
                sandbox.tmpDir(container.getName()));
        List<Boolean> files = mounts.stream()
                .map(mount -> mount instanceof MountSpec bind && Files.isRegularFile(bind.source())).toList();
        String hostname = Optional.ofNullable(pod.getSpec().getHostname()).orElse(pod.getMetadata().getName());
        String script = ContainerInitScript.render("container " + container.getName() + " of pod "
                + pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName(), scratch, mounts, files,
                hostname.length() > MAX_HOSTNAME ? hostname.substring(0, MAX_HOSTNAME) : hostname, command);
        ContainerProcess process = launcher.launch(sandbox.scriptFile(container.getName()), script, env,
                sandbox.logFile(container.getName()));
        try {
            ProcessRecords.write(sandbox.pidFile(container.getName()), process.pid());
        } catch (RuntimeException e) {
            // a container no record knows of could outlive a kubelet restart
            process.kill();
            throw e;
        }
        return process;
    }

    /**
     * Image layer first, then volumes parents-first, then the hosts file: binding {@code /etc/hosts}
     * early would force a volume under {@code /etc} to create its mount point on the host.
     */
    private static List<ContainerMount> mounts(Container container, Optional<ImageRoot> image, PodSandbox sandbox) {
        List<ContainerMount> mounts = new ArrayList<>();
        image.ifPresent(root -> mounts.add(new ImageLayer(root.rootDir(), root.mountPoint(),
                sandbox.layerDir(container.getName()), root.owner(), root.emptyDirs())));
        List<VolumeMount> volumeMounts = new ArrayList<>(container.getVolumeMounts());
        volumeMounts.sort(Comparator.comparingInt((VolumeMount mount) -> depth(mount.getMountPath()))
                .thenComparing(VolumeMount::getMountPath));
        for (VolumeMount mount : volumeMounts) {
            Path source = sandbox.volumes().get(mount.getName());
            if (source == null) {
                throw new ContainerConfigException("container " + container.getName() + " mounts unknown volume "
                        + mount.getName());
            }
            if (mount.getSubPath() != null && !mount.getSubPath().isEmpty()) {
                source = source.resolve(mount.getSubPath());
            }
            mounts.add(new MountSpec(source, mount.getMountPath(), Boolean.TRUE.equals(mount.getReadOnly())));
        }
        mounts.add(new MountSpec(sandbox.hostsFile(), "/etc/hosts", false));
        return mounts;
    }

    /**
     * Puts a container-private directory at {@code /tmp} first, as a container runtime would: every
     * JVM is pid 1 in its PID namespace, so on a shared {@code /tmp} they would all fight over
     * {@code hsperfdata_root/1}. Skipped when a mount source or the scratch directory lives under
     * {@code /tmp} (the private one would hide it before it is bound).
     */
    static List<ContainerMount> withPrivateTmp(List<ContainerMount> mounts, Path scratch, Path privateTmp) {
        Path hostTmp = Path.of("/tmp");
        boolean needsHostTmp = scratch.toAbsolutePath().startsWith(hostTmp) || mounts.stream()
                .flatMap(mount -> mount.hostPaths().stream()).anyMatch(path -> path.toAbsolutePath().startsWith(hostTmp));
        if (needsHostTmp) {
            return mounts;
        }
        createDirectory(privateTmp);
        List<ContainerMount> withTmp = new ArrayList<>();
        withTmp.add(new MountSpec(privateTmp, "/tmp", false));
        withTmp.addAll(mounts);
        return withTmp;
    }

    private static int depth(String path) {
        return (int) path.chars().filter(c -> c == '/').count();
    }

    private static void createDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }
}
