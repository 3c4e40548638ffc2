package io.podflow.localkube.kubelet.pod;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.podflow.localkube.kubelet.container.ContainerMount;
import io.podflow.localkube.kubelet.container.ImageLayer;
import io.podflow.localkube.kubelet.container.MountSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerStarterTest {

    @TempDir
    Path underTmp;

    private final MountSpec image = new MountSpec(Path.of("/work/dist/target/podflow"), "/opt/flink", false);

    @Test
    void containerGetsAPrivateTmpMountedBeforeEverythingElse() {
        Path privateTmp = Path.of("target", "sandbox-tmp-test", "main").toAbsolutePath();

        List<ContainerMount> mounts = ContainerStarter.withPrivateTmp(List.of(image),
                Path.of("/root/.cache/podflow/localkube/pods/ns_p/scratch/main"), privateTmp);

        assertEquals(List.of(new MountSpec(privateTmp, "/tmp", false), image), mounts);
    }

    @Test
    void hostTmpStaysWhenASourceOrTheScratchDirectoryLivesThere() {
        Path privateTmp = underTmp.resolve("tmp");
        MountSpec fromTmp = new MountSpec(underTmp.resolve("data"), "/data", false);

        assertEquals(List.of(image, fromTmp), ContainerStarter.withPrivateTmp(List.of(image, fromTmp),
                Path.of("/root/.cache/scratch"), privateTmp));
        assertEquals(List.of(image), ContainerStarter.withPrivateTmp(List.of(image), underTmp.resolve("scratch"),
                privateTmp));
    }

    @Test
    void hostTmpStaysWhenAnImageLayerLivesThere() {
        ImageLayer layer = new ImageLayer(Path.of("/work/dist/target/podflow"), "/opt/flink",
                underTmp.resolve("layers/main"), Optional.empty(), List.of());

        assertEquals(List.of(layer), ContainerStarter.withPrivateTmp(List.of(layer),
                Path.of("/root/.cache/scratch"), underTmp.resolve("tmp")));
    }
}
