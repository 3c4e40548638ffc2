package io.podflow.localkube.kubelet.volume;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.DownwardAPIVolumeFile;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.ServiceAccountTokenProjection;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import io.podflow.localkube.kubelet.ClusterObjects;
import io.podflow.localkube.kubelet.ContainerConfigException;
import io.podflow.localkube.kubelet.env.PodFields;
import io.podflow.localkube.kubelet.env.SecretData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes a pod's volumes as directories under its state directory (emptyDir, configMap, secret,
 * downwardAPI, projected) or resolves them to host paths (hostPath), ready to be bind-mounted.
 */
public final class VolumeMaterializer {

    private static final long DEFAULT_TOKEN_SECONDS = 3607;

    private final ClusterObjects objects;

    public VolumeMaterializer(ClusterObjects objects) {
        this.objects = objects;
    }

    /** Materializes every volume of {@code pod} below {@code volumesDir}; returns volume name to host path. */
    public Map<String, Path> materialize(Pod pod, Path volumesDir, String podIp, String hostIp) {
        Map<String, Path> paths = new LinkedHashMap<>();
        PodFields fields = new PodFields(pod, podIp, hostIp);
        for (Volume volume : pod.getSpec().getVolumes()) {
            Path dir = volumesDir.resolve(volume.getName());
            if (volume.getHostPath() != null) {
                paths.put(volume.getName(), hostPath(volume));
                continue;
            }
            Optional<List<VolumeFile>> files = filesOf(pod, volume, fields);
            if (files.isEmpty() && volume.getEmptyDir() == null) {
                throw new ContainerConfigException("volume " + volume.getName()
                        + " has a type localkube does not support (emptyDir, configMap, secret, downwardAPI,"
                        + " projected and hostPath are supported)");
            }
            createDirectory(dir);
            if (volume.getEmptyDir() != null) {
                // any user the containers run as may write it, as Kubernetes makes emptyDirs 0777
                worldWritable(dir);
            }
            files.ifPresent(list -> VolumeWriter.write(dir, list));
            paths.put(volume.getName(), dir);
        }
        return paths;
    }

    private Optional<List<VolumeFile>> filesOf(Pod pod, Volume volume, PodFields fields) {
        String namespace = pod.getMetadata().getNamespace();
        if (volume.getConfigMap() != null) {
            var source = volume.getConfigMap();
            return Optional.of(configMapFiles(namespace, source.getName(), source.getItems(),
                    source.getDefaultMode(), Boolean.TRUE.equals(source.getOptional())));
        }
        if (volume.getSecret() != null) {
            var source = volume.getSecret();
            return Optional.of(secretFiles(namespace, source.getSecretName(), source.getItems(),
                    source.getDefaultMode(), Boolean.TRUE.equals(source.getOptional())));
        }
        if (volume.getDownwardAPI() != null) {
            return Optional.of(downwardFiles(volume.getDownwardAPI().getItems(),
                    volume.getDownwardAPI().getDefaultMode(), fields));
        }
        if (volume.getProjected() != null) {
            List<VolumeFile> files = new ArrayList<>();
            Integer mode = volume.getProjected().getDefaultMode();
            for (VolumeProjection projection : volume.getProjected().getSources()) {
                files.addAll(projectionFiles(pod, projection, mode, fields));
            }
            return Optional.of(files);
        }
        return Optional.empty();
    }

    private List<VolumeFile> projectionFiles(Pod pod, VolumeProjection projection, Integer mode, PodFields fields) {
        String namespace = pod.getMetadata().getNamespace();
        if (projection.getConfigMap() != null) {
            var source = projection.getConfigMap();
            return configMapFiles(namespace, source.getName(), source.getItems(), mode,
                    Boolean.TRUE.equals(source.getOptional()));
        }
        if (projection.getSecret() != null) {
            var source = projection.getSecret();
            return secretFiles(namespace, source.getName(), source.getItems(), mode,
                    Boolean.TRUE.equals(source.getOptional()));
        }
        if (projection.getDownwardAPI() != null) {
            return downwardFiles(projection.getDownwardAPI().getItems(), mode, fields);
        }
        if (projection.getServiceAccountToken() != null) {
            ServiceAccountTokenProjection token = projection.getServiceAccountToken();
            String serviceAccount = Objects.toString(pod.getSpec().getServiceAccountName(), "default");
            long seconds = token.getExpirationSeconds() == null ? DEFAULT_TOKEN_SECONDS : token.getExpirationSeconds();
            String value = objects.serviceAccountToken(namespace, serviceAccount, pod.getMetadata().getName(),
                    pod.getMetadata().getUid(), seconds, token.getAudience());
            int fileMode = mode == null ? KeyToPathFiles.DEFAULT_MODE : mode;
            return List.of(new VolumeFile(KeyToPathFiles.checkedPath(token.getPath()),
                    value.getBytes(StandardCharsets.UTF_8), fileMode));
        }
        throw new ContainerConfigException("unsupported projected volume source in pod " + pod.getMetadata().getName());
    }

    private List<VolumeFile> configMapFiles(String namespace, String name, List<io.fabric8.kubernetes.api.model.KeyToPath> items,
            Integer mode, boolean optional) {
        Optional<ConfigMap> configMap = objects.configMap(namespace, name);
        if (configMap.isEmpty()) {
            if (optional) {
                return List.of();
            }
            throw new ContainerConfigException("configmap \"" + name + "\" not found");
        }
        Map<String, byte[]> data = new LinkedHashMap<>();
        if (configMap.get().getData() != null) {
            configMap.get().getData().forEach((key, value) -> data.put(key, value.getBytes(StandardCharsets.UTF_8)));
        }
        if (configMap.get().getBinaryData() != null) {
            configMap.get().getBinaryData().forEach((key, value) ->
                    data.put(key, java.util.Base64.getDecoder().decode(value)));
        }
        return KeyToPathFiles.files("configmap \"" + name + "\"", data, items, mode, optional);
    }

    private List<VolumeFile> secretFiles(String namespace, String name, List<io.fabric8.kubernetes.api.model.KeyToPath> items,
            Integer mode, boolean optional) {
        Optional<Secret> secret = objects.secret(namespace, name);
        if (secret.isEmpty()) {
            if (optional) {
                return List.of();
            }
            throw new ContainerConfigException("secret \"" + name + "\" not found");
        }
        return KeyToPathFiles.files("secret \"" + name + "\"", SecretData.decode(secret.get()), items, mode, optional);
    }

    private static List<VolumeFile> downwardFiles(List<DownwardAPIVolumeFile> items, Integer mode, PodFields fields) {
        List<VolumeFile> files = new ArrayList<>();
        for (DownwardAPIVolumeFile item : items) {
            if (item.getFieldRef() == null) {
                throw new ContainerConfigException("downwardAPI item " + item.getPath() + " needs a fieldRef");
            }
            int fileMode = item.getMode() != null ? item.getMode() : mode != null ? mode : KeyToPathFiles.DEFAULT_MODE;
            files.add(new VolumeFile(KeyToPathFiles.checkedPath(item.getPath()),
                    fields.value(item.getFieldRef().getFieldPath()).getBytes(StandardCharsets.UTF_8), fileMode));
        }
        return files;
    }

    private static Path hostPath(Volume volume) {
        Path path = Path.of(volume.getHostPath().getPath());
        String type = Objects.toString(volume.getHostPath().getType(), "");
        if (type.equals("DirectoryOrCreate")) {
            createDirectory(path);
        } else if (type.equals("Directory") && !Files.isDirectory(path)) {
            throw new ContainerConfigException("hostPath " + path + " is not a directory");
        }
        return path;
    }

    private static void worldWritable(Path dir) {
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make " + dir + " writable for every user", e);
        }
    }

    private static void createDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }
}
