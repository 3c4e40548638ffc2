package io.podflow.localkube.kubelet.container;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.podflow.localkube.kubelet.image.ImageRoot;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ContainerEnvironmentTest {

    private final ImageRoot image = new ImageRoot(Path.of("/dist"), "/opt/flink", List.of(), "/opt/flink",
            Optional.empty(), Map.of("FLINK_HOME", "/opt/flink", "PATH", "/opt/flink/bin:/usr/bin", "MODE", "image"),
            List.of());

    @Test
    void withoutAnImageTheRuntimeDefaultsApply() {
        Map<String, String> env = ContainerEnvironment.of(Optional.empty(), Map.of("A", "1"));

        assertEquals(ImageRoot.DEFAULT_PATH, env.get("PATH"));
        assertEquals("/root", env.get("HOME"));
        assertEquals("1", env.get("A"));
    }

    @Test
    void theImageEnvReplacesTheDefaultsAndTheContainersOwnEnvWins() {
        Map<String, String> env = ContainerEnvironment.of(Optional.of(image), Map.of("MODE", "container"));

        assertEquals("/opt/flink/bin:/usr/bin", env.get("PATH"));
        assertEquals("/opt/flink", env.get("FLINK_HOME"));
        assertEquals("container", env.get("MODE"));
    }
}
