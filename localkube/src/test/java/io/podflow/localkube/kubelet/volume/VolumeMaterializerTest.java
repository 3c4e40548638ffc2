package io.podflow.localkube.kubelet.volume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.podflow.localkube.kubelet.ContainerConfigException;
import io.podflow.localkube.kubelet.InMemoryClusterObjects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VolumeMaterializerTest {

    @TempDir
    Path volumes;

    private final VolumeMaterializer materializer = new VolumeMaterializer(new InMemoryClusterObjects()
            .configMap("ns", "flink-config", Map.of("flink-conf.yaml", "taskmanager.numberOfTaskSlots: 2",
                    "unused", "x"))
            .secret("ns", "creds", Map.of("password", "s3cret"))
            .token("ns", "flink", "eyJ.token"));

    @Test
    void configMapSecretEmptyDirAndDownwardApiVolumesBecomeDirectories() throws IOException {
        Pod pod = pod()
                .addNewVolume().withName("conf").withNewConfigMap().withName("flink-config")
                .addNewItem().withKey("flink-conf.yaml").withPath("flink-conf.yaml").endItem().endConfigMap().endVolume()
                .addNewVolume().withName("creds").withNewSecret().withSecretName("creds").withDefaultMode(0400)
                .endSecret().endVolume()
                .addNewVolume().withName("scratch").withNewEmptyDir().endEmptyDir().endVolume()
                .addNewVolume().withName("info").withNewDownwardAPI().addNewItem().withPath("name").withNewFieldRef()
                .withFieldPath("metadata.name").endFieldRef().endItem().endDownwardAPI().endVolume()
                .endSpec().build();

        Map<String, Path> paths = materializer.materialize(pod, volumes, "127.0.2.2", "127.0.100.1");

        assertEquals("taskmanager.numberOfTaskSlots: 2", Files.readString(paths.get("conf").resolve("flink-conf.yaml")));
        assertTrue(Files.notExists(paths.get("conf").resolve("unused")));
        Path password = paths.get("creds").resolve("password");
        assertEquals("s3cret", Files.readString(password));
        assertEquals("r--------", PosixFilePermissions.toString(Files.getPosixFilePermissions(password)));
        assertTrue(Files.isDirectory(paths.get("scratch")));
        assertEquals("rwxrwxrwx", PosixFilePermissions.toString(Files.getPosixFilePermissions(paths.get("scratch"))),
                "an emptyDir is writable for whatever user a container runs as");
        assertEquals("tm-0", Files.readString(paths.get("info").resolve("name")));
    }

    @Test
    void projectedServiceAccountVolumeHoldsTokenCaAndNamespace() throws IOException {
        Pod pod = pod()
                .addNewVolume().withName("kube-api-access").withNewProjected()
                .addNewSource().withNewServiceAccountToken().withPath("token").withExpirationSeconds(3607L)
                .endServiceAccountToken().endSource()
                .addNewSource().withNewConfigMap().withName("flink-config").addNewItem().withKey("flink-conf.yaml")
                .withPath("ca.crt").endItem().endConfigMap().endSource()
                .addNewSource().withNewDownwardAPI().addNewItem().withPath("namespace").withNewFieldRef()
                .withFieldPath("metadata.namespace").endFieldRef().endItem().endDownwardAPI().endSource()
                .endProjected().endVolume()
                .endSpec().build();

        Path dir = materializer.materialize(pod, volumes, "127.0.2.2", "127.0.100.1").get("kube-api-access");

        assertEquals("eyJ.token", Files.readString(dir.resolve("token")));
        assertEquals("ns", Files.readString(dir.resolve("namespace")));
        assertTrue(Files.exists(dir.resolve("ca.crt")));
    }

    @Test
    void missingSecretIsAConfigurationErrorNamingIt() {
        Pod pod = pod().addNewVolume().withName("v").withNewSecret().withSecretName("nope").endSecret().endVolume()
                .endSpec().build();

        ContainerConfigException error = assertThrows(ContainerConfigException.class,
                () -> materializer.materialize(pod, volumes, "127.0.2.2", "127.0.100.1"));
        assertTrue(error.getMessage().contains("nope"), error.getMessage());
    }

    private static PodBuilder.SpecNested<PodBuilder> pod() {
        return new PodBuilder().withNewMetadata().withName("tm-0").withNamespace("ns").withUid("uid-0").endMetadata()
                .withNewSpec().withServiceAccountName("flink");
    }
}
