package io.podflow.localkube.kubelet.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
        ImageRoot tools = mapping.resolve("tools").orElseThrow();
        assertEquals("/tmp", tools.workingDir());
        assertEquals(Optional.empty(), tools.owner(), "without an owner the image stays root's");
        assertEquals(Map.of(), tools.env());
        assertEquals(List.of(), tools.emptyDirs());
        assertEquals(dist, mapping.resolve("flink").orElseThrow().rootDir());
    }

    @Test
    void theDistributionIsOwnedByTheFlinkUserWithFlinkHomeAndItsBinFirstOnThePath() {
        ImageRoot flink = ImageMapping.load(dist, Optional.empty()).resolve("flink:latest").orElseThrow();

        assertEquals(Optional.of(new ImageOwner(9999, 9999)), flink.owner());
        assertEquals("/opt/flink", flink.env().get("FLINK_HOME"));
        assertEquals("/opt/flink/bin:" + ImageRoot.DEFAULT_PATH, flink.env().get("PATH"));
        assertEquals(List.of("log"), flink.emptyDirs(), "log files of the tree's own runs are no part of the image");
    }

    @Test
    void mappingFileGivesAnImageAnOwnerEnvAndEmptyDirs(@TempDir Path other) throws IOException {
        Path file = other.resolve("images.yaml");
        Files.writeString(file, "images:\n  - name: app\n    root: /srv/app\n    mountPoint: /opt/app\n"
                + "    owner: \"1000:2000\"\n    env:\n      APP_HOME: /opt/app\n      MODE: batch\n"
                + "    emptyDirs: [logs]\n");

        ImageRoot app = ImageMapping.load(dist, Optional.of(file)).resolve("app").orElseThrow();

        assertEquals(Optional.of(new ImageOwner(1000, 2000)), app.owner());
        assertEquals(Map.of("APP_HOME", "/opt/app", "MODE", "batch"), app.env());
        assertEquals(List.of("logs"), app.emptyDirs());
    }

    @Test
    void anOwnerThatIsNotUidColonGidIsRejectedNamingTheImage(@TempDir Path other) throws IOException {
        Path file = other.resolve("images.yaml");
        Files.writeString(file, "images:\n  - name: app\n    root: /srv/app\n    mountPoint: /opt/app\n"
                + "    owner: flink\n");

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ImageMapping.load(dist, Optional.of(file)));
        assertTrue(error.getMessage().contains("image app: owner 'flink' is not of the form uid:gid"),
                error.getMessage());
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
