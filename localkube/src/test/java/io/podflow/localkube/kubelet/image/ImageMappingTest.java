package io.podflow.localkube.kubelet.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageMappingTest {

    @TempDir
    Path dist;

    @Test
    void podflowAndFlinkImagesOfAnyTagOrRegistryMapToTheDistributionAtOptFlink() {
        ImageMapping mapping = ImageMapping.load(dist, Optional.empty());

        for (String image : List.of("podflow", "flink:1.17", "registry.local:5000/library/flink:latest",
                "podflow:0.1.0@sha256:abc")) {
            ImageRoot root = mapping.resolve(image).orElseThrow();
            assertEquals(dist, root.rootDir(), image);
            assertEquals("/opt/flink", root.mountPoint(), image);
            assertEquals("/opt/flink", root.workingDir(), image);
        }
        assertTrue(mapping.resolve("busybox:1.36").isEmpty());
    }

    @Test
    void distributionEntrypointIsUsedOnceTheDistributionShipsOne() throws IOException {
        ImageMapping mapping = ImageMapping.load(dist, Optional.empty());
        assertEquals(List.of(), mapping.resolve("flink").orElseThrow().entrypoint());

        Files.writeString(dist.resolve("docker-entrypoint.sh"), "#!/bin/sh\n");

        assertEquals(List.of("/opt/flink/docker-entrypoint.sh"), mapping.resolve("flink").orElseThrow().entrypoint());
    }

    @Test
    void mappingFileAddsImagesWithTheirEntrypointAndWorkingDir(@TempDir Path other) throws IOException {
        Path file = other.resolve("images.yaml");
        Files.writeString(file, String.join("\n",
                "images:",
                "  - name: example/app",
                "    root: " + other,
                "    mountPoint: /opt/app",
                "    entrypoint: [/opt/app/run.sh, --verbose]",
                "  - name: tools",
                "    root: /srv/tools",
                "    mountPoint: /opt/tools",
                "    workingDir: /tmp",
                ""));

        ImageMapping mapping = ImageMapping.load(dist, Optional.of(file));

        ImageRoot app = mapping.resolve("example/app:2").orElseThrow();
        assertEquals(other, app.rootDir());
        assertEquals(List.of("/opt/app/run.sh", "--verbose"), app.entrypoint());
        assertEquals("/opt/app", app.workingDir());
        assertEquals("/tmp", mapping.resolve("tools").orElseThrow().workingDir());
        assertEquals(dist, mapping.resolve("flink").orElseThrow().rootDir());
    }

    @Test
    void mappingEntryWithoutRootIsRejectedWithItsFieldName(@TempDir Path other) throws IOException {
        Path file = other.resolve("images.yaml");
        Files.writeString(file, "images:\n  - name: x\n    mountPoint: /opt/x\n");

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ImageMapping.load(dist, Optional.of(file)));
        assertTrue(error.getMessage().contains("'root'"), error.getMessage());
    }
}
